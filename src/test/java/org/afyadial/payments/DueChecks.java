package org.afyadial.payments;

import jakarta.inject.Singleton;

/** Runs the pending-request checks now, for tests of the provider adapters outside this package. */
@Singleton
public class DueChecks {

    private final PendingRequestChecks checks;

    DueChecks(PendingRequestChecks checks) {
        this.checks = checks;
    }

    /** Answers how many requests ended. */
    public int run() {
        return checks.checkDue();
    }
}
