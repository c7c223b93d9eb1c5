package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * Applies delivery reports to the outbox. Reports arrive late, twice and out of order, so a
 * message only moves forward: a delivered message stays delivered whatever comes after, and a
 * failure report may still be overtaken by a later success (the network retried).
 */
@Singleton
public class DeliveryReports {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReports.class);
    private static final Set<OutboxStatus> MAY_BECOME_DELIVERED = EnumSet.of(OutboxStatus.SENT, OutboxStatus.FAILED);
    private static final Set<OutboxStatus> MAY_BECOME_FAILED = EnumSet.of(OutboxStatus.SENT);

    private final OutboxStore store;
    private final Clock clock;

    DeliveryReports(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void apply(DeliveryUpdate update) {
        Instant now = clock.instant();
        boolean moved = switch (update.state()) {
            case SENT -> false; // the outbox says SENT from the moment the provider accepted the message
            case DELIVERED -> store.moveByMessageId(update.messageId(), MAY_BECOME_DELIVERED, now,
                    combine(OutboxStore.status(OutboxStatus.DELIVERED, now), set("deliveredAt", Date.from(now))));
            case FAILED -> store.moveByMessageId(update.messageId(), MAY_BECOME_FAILED, now,
                    combine(OutboxStore.status(OutboxStatus.FAILED, now), set("lastError", "delivery failed: " + update.failureReason())));
        };
        if (!moved && !store.existsWithMessageId(update.messageId())) {
            LOG.info("Delivery report for unknown message id {} ({}): ignored", update.messageId(), update.state());
        }
    }
}
