package org.afyadial.payments;

/** Where money comes from. CASH is money taken at the desk and entered by staff. */
public enum Provider {
    DEVELOPMENT, MPESA, MOMO, AT_CHECKOUT, CASH
}
