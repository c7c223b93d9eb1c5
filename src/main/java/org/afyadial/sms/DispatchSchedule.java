package org.afyadial.sms;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls the outbox every {@code SMS_DISPATCH_INTERVAL}, draining batches while there is work. */
@Singleton
@Requires(property = "afyadial.sms.schedule-enabled", notEquals = "false")
class DispatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchSchedule.class);

    private final SmsDispatcher dispatcher;

    DispatchSchedule(SmsDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Scheduled(fixedDelay = "${afyadial.sms.dispatch-interval:1s}", initialDelay = "${afyadial.sms.dispatch-interval:1s}")
    void poll() {
        try {
            while (dispatcher.dispatchDue() > 0) {
                LOG.debug("Dispatched a batch of SMS; looking for more");
            }
        } catch (RuntimeException e) {
            LOG.error("SMS dispatch round failed; retrying at the next tick", e);
        }
    }
}
