package org.afyadial.ussd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * USSD access from one phone, locked after repeated failures (wrong PINs), as one hop sees it. The lock lives on
 * the phone's document, which the dial updates anyway: on the hop that starts a session it is known without a
 * read; later hops read it, so a lock set by another session meanwhile holds.
 */
final class PhoneLock {

    private final SessionStore store;
    private final String phone;
    private Optional<Instant> lockedUntil;

    PhoneLock(SessionStore store, String phone) {
        this.store = store;
        this.phone = phone;
    }

    /** What the dial found on the phone's document. */
    void knownFromDial(Optional<Instant> lockedUntil) {
        this.lockedUntil = lockedUntil;
    }

    boolean lockedAt(Instant now) {
        if (lockedUntil == null) {
            lockedUntil = store.lockedUntil(phone);
        }
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    boolean countFailure(Instant now, int maxFailures, Duration lockFor) {
        Optional<Instant> locked = store.countFailure(phone, now, maxFailures, lockFor);
        if (locked.isPresent()) {
            lockedUntil = locked;
        }
        return locked.isPresent();
    }

    void clearFailures() {
        store.clearFailures(phone);
    }
}
