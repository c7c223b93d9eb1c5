package org.afyadial.payments;

import java.util.List;

/** Where a bill stands: {@code UNPAID → PARTIALLY_PAID → PAID}; a cancelled visit's bill ends VOID or REFUND_DUE. */
public enum BillStatus {
    UNPAID, PARTIALLY_PAID, PAID, VOID, REFUND_DUE, REFUNDED;

    /** The statuses a payment may still be applied in. */
    static final List<String> OPEN = List.of(UNPAID.name(), PARTIALLY_PAID.name());
}
