package org.afyadial.ussd.patient;

import jakarta.inject.Singleton;
import org.afyadial.ussd.ActionContext;

import java.time.Duration;

/**
 * Wrong USSD PINs: the third wrong PIN in a row locks USSD access from the phone for 15 minutes. The engine keeps
 * the count and the lock on the phone's document (see {@link ActionContext#countPhoneFailure}), so parallel
 * sessions cannot get extra tries and the dial learns of a lock without an extra read.
 */
@Singleton
class PinGuard {

    static final int MAX_FAILURES = 3;
    static final Duration LOCK = Duration.ofMinutes(15);

    boolean isLocked(ActionContext context) {
        return context.phoneLocked();
    }

    /** Counts a wrong PIN; true when it locks the phone. */
    boolean recordFailure(ActionContext context) {
        return context.countPhoneFailure(MAX_FAILURES, LOCK);
    }

    void clear(ActionContext context) {
        context.clearPhoneFailures();
    }
}
