package org.afyadial.ussd;

import io.micronaut.core.annotation.Nullable;

/**
 * The screen to show and whether the session ends with it (else the phone waits for input); {@code state} is the
 * menu state shown, null for the engine's own END screens (bad request, apology, expired session).
 */
public record UssdReply(boolean end, String screen, @Nullable String state) {

    public UssdReply(boolean end, String screen) {
        this(end, screen, null);
    }
}
