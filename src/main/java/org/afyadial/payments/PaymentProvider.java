package org.afyadial.payments;

import java.util.Optional;

/**
 * One mobile-money provider's push prompt: asks the payer's phone to approve a payment. Its answers come later,
 * through the provider's callback (or a status check), as {@link PaymentResult}s given to {@link PaymentLedger}.
 */
public interface PaymentProvider {

    Provider id();

    /** Whether its credentials are set: a provider without them is not offered. */
    boolean configured();

    /**
     * Sends the prompt; answers the provider's id of the request, which its callbacks carry.
     *
     * @throws PushRefused when the provider refuses to send it
     */
    String push(PushPrompt prompt);

    /**
     * Asks the provider how a request it has not called back about ended, because callbacks get lost (Daraja's STK
     * query, MoMo's request-to-pay status). Empty while it is still pending, or when the provider has no such query.
     */
    default Optional<PaymentResult> check(String providerRequestId) {
        return Optional.empty();
    }

    /**
     * A prompt to send.
     *
     * @param requestId our id of the request (an idempotency reference for providers that take one)
     * @param amount    minor units of {@code currency}
     */
    record PushPrompt(String requestId, String phone, long amount, String currency, String billReference) {
    }

    /** The provider would not send the prompt (bad number, unsupported network, credentials refused...). */
    class PushRefused extends RuntimeException {
        public PushRefused(String why) {
            super(why, null, false, false);
        }
    }
}
