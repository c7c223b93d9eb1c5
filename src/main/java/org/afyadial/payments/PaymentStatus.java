package org.afyadial.payments;

/** A provider transaction's end: the money moved, it did not, or it was given back. */
public enum PaymentStatus {
    SUCCEEDED, FAILED, REFUNDED
}
