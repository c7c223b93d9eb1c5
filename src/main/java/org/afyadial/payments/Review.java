package org.afyadial.payments;

/** Why a payment waits for a person in reconciliation. */
public enum Review {
    /** No bill matches it: the money is kept until staff match or refund it. */
    UNMATCHED,
    /** More than the bill's balance, or the bill was no longer open: not applied. */
    OVERPAID,
    /** Another currency than the bill's: not applied. */
    CURRENCY_MISMATCH,
    /** The money moved after its request was marked failed or timed out: applied all the same. */
    LATE_SUCCESS
}
