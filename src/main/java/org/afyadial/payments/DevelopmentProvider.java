package org.afyadial.payments;

import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import org.afyadial.simulator.SimulatorAvailable;

import java.security.SecureRandom;

/**
 * The provider of a machine with no credentials anywhere: its push prompt is the pending request itself, which
 * the {@code /simulator} phone shows with Approve / Decline / Ignore ({@link SimulatedPromptController}); the
 * answer is what a real provider's callback would say. Offered only while the simulator is on and no real
 * provider is configured.
 */
@Singleton
class DevelopmentProvider implements PaymentProvider {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 10;

    private final boolean simulatorOn;
    private final SecureRandom random = new SecureRandom();

    DevelopmentProvider(Environment environment) {
        this.simulatorOn = SimulatorAvailable.on(environment);
    }

    @Override
    public Provider id() {
        return Provider.DEVELOPMENT;
    }

    @Override
    public boolean configured() {
        return simulatorOn;
    }

    @Override
    public String push(PushPrompt prompt) {
        return prompt.requestId();
    }

    /** What the provider says once the phone answered the prompt. */
    PaymentResult answer(PushRequests.PushRequest request, boolean approved) {
        if (!approved) {
            return new PaymentResult(id(), request.id(), request.id(), null, request.phone(), 0, request.currency(), null, Failure.CANCELLED);
        }
        String code = receiptCode();
        return new PaymentResult(id(), code, request.id(), null, request.phone(), request.amount(), request.currency(), code, null);
    }

    /** The phone let the prompt expire. */
    PaymentResult expired(PushRequests.PushRequest request) {
        return new PaymentResult(id(), request.id(), request.id(), null, request.phone(), 0, request.currency(), null, Failure.TIMED_OUT);
    }

    /** A receipt code shaped like M-Pesa's ({@code QKH94M1Z11}). */
    private String receiptCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
