package org.afyadial.payments;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link PendingRequestChecks} every {@code PAYMENT_CHECK_INTERVAL} on every instance; their leases keep them apart. */
@Singleton
@Requires(property = "afyadial.payments.schedule-enabled", notEquals = "false")
class PendingCheckSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(PendingCheckSchedule.class);

    private final PendingRequestChecks checks;

    PendingCheckSchedule(PendingRequestChecks checks) {
        this.checks = checks;
    }

    @Scheduled(fixedDelay = "${afyadial.payments.check-interval:30s}", initialDelay = "${afyadial.payments.check-interval:30s}")
    void checkPending() {
        try {
            checks.checkDue();
        } catch (RuntimeException e) {
            LOG.warn("Checking pending payment requests failed; retrying at the next interval", e);
        }
    }
}
