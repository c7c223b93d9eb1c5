package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;

/**
 * A provider's word on one transaction, whatever its wire format: what the adapters hand to {@link PaymentLedger}.
 *
 * @param transactionId  the provider's id of the transaction, unique per provider (for a failure without one, the
 *                       request's id)
 * @param requestId      the provider's id of the push request this answers, if it answers one
 * @param billReference  the bill the payer named (an account number), unconfirmed until the store has it
 * @param receiptCode    the code the payer sees on their phone (M-Pesa receipt), if any
 * @param amount         minor units; 0 for a failure
 * @param failure        null when the money moved
 */
public record PaymentResult(Provider provider, String transactionId, @Nullable String requestId,
                            @Nullable String billReference, @Nullable String payerPhone, long amount, String currency,
                            @Nullable String receiptCode, @Nullable Failure failure) {

    public boolean succeeded() {
        return failure == null;
    }

    /** The same word, told of the transaction its receipt names rather than the one its id named. */
    PaymentResult underReceipt() {
        return new PaymentResult(provider, receiptCode, requestId, billReference, payerPhone, amount, currency, receiptCode, failure);
    }
}
