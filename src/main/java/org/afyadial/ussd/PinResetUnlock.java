package org.afyadial.ussd;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.patients.PinReset;

/** A PIN reset at reception also lifts the lock that wrong PINs put on the patient's phone, and its count. */
@Singleton
class PinResetUnlock {

    private final SessionStore store;

    PinResetUnlock(SessionStore store) {
        this.store = store;
    }

    @EventListener
    void on(PinReset reset) {
        store.unlock(reset.phone());
    }
}
