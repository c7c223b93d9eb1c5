package org.afyadial.payments.mpesa;

import io.micronaut.core.annotation.Nullable;
import org.afyadial.payments.Failure;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;

import java.util.Map;

/**
 * What an STK push's {@code ResultCode} means, for the callback and the STK query alike. Both name the transaction
 * by its {@code CheckoutRequestID}, the one id both know (the query does not give the M-Pesa receipt), so a
 * success learnt from a query and the same success arriving later by callback are one payment.
 */
final class StkResults {

    static final String CURRENCY = "KES";

    /** {@code ResultCode} → why the money did not move (0 is success; other codes are refusals). */
    private static final Map<Integer, Failure> FAILURES = Map.of(
            1, Failure.INSUFFICIENT_FUNDS,
            1032, Failure.CANCELLED,
            1037, Failure.TIMED_OUT,
            1019, Failure.TIMED_OUT);

    private StkResults() {
    }

    static boolean succeeded(int resultCode) {
        return resultCode == 0;
    }

    /**
     * @param amount  minor units
     * @param receipt the M-Pesa receipt, when the callback gave it
     */
    static PaymentResult paid(String checkoutRequestId, long amount, @Nullable String receipt, @Nullable String payerPhone) {
        return new PaymentResult(Provider.MPESA, checkoutRequestId, checkoutRequestId, null, payerPhone, amount, CURRENCY, receipt, null);
    }

    static PaymentResult failed(String checkoutRequestId, int resultCode) {
        return new PaymentResult(Provider.MPESA, checkoutRequestId, checkoutRequestId, null, null, 0, CURRENCY, null,
                FAILURES.getOrDefault(resultCode, Failure.REFUSED));
    }
}
