package org.afyadial.sms;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.TestStoreSwitch;
import org.afyadial.at.FakeAtServer;
import org.afyadial.store.ExpirySweep;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What the store's expiry deletes of the SMS kept: settled messages and received texts past their retention,
 * never a message still to be sent however old it is.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsRetentionTest implements TestPropertyProvider {

    /** A Tuesday, 10:00 in Nairobi: outside quiet hours. */
    private static final Instant START = Instant.parse("2026-03-03T07:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(60);

    private final FakeAtServer fake = new FakeAtServer();
    private final MovableClock clock = new MovableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxStore outboxStore;
    @Inject
    SmsDispatcher dispatcher;
    @Inject
    DeliveryReports deliveryReports;
    @Inject
    InboundLog inbound;
    @Inject
    ApplicationContext context;
    @Inject
    Store store;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(FakeAtProperties.pointingAt(fake));
        properties.put("afyadial.retention.sms", RETENTION.toDays() + "d");
        properties.put("afyadial.retention.inbound-sms", "30d");
        // the test dispatches itself: a scheduled round would send the message it keeps queued
        properties.put("afyadial.sms.schedule-enabled", "false");
        return properties;
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @BeforeEach
    void emptyOutbox() {
        // on a real mongod MongoDB's own TTL monitor deletes, and the embedded expiry does not exist
        assumeFalse(TestStoreSwitch.usesContainer());
        store.collection(OutboxStore.COLLECTION).deleteMany(new Document());
        store.collection(InboundLog.COLLECTION).deleteMany(new Document());
        clock.set(START);
    }

    private void queue(String key, Instant notBefore) {
        outbox.queue(new SmsRequest(key, null, "+254711000001", "en", "Habari " + key, MessageKind.STAFF, notBefore, null));
    }

    private OutboxStatus statusOf(String key) {
        Document message = store.collection(OutboxStore.COLLECTION).find(new Document("idempotencyKey", key)).first();
        return message == null ? null : OutboxStatus.valueOf(message.getString("status"));
    }

    @Test
    void settledMessagesGoAfterTheirRetentionAndQueuedOnesStay() {
        queue("sent", START);
        queue("delivered", START);
        dispatcher.dispatchDue();
        queue("cancelled", START.plus(Duration.ofDays(1)));
        queue("cancelled then queued again", START.plus(Duration.ofDays(90)));
        outboxStore.cancelQueued(OutboxStore.keyStartsWith("cancelled"), CancelReason.PAUSED, START);
        outboxStore.requeueCancelled(OutboxStore.keyStartsWith("cancelled then"), CancelReason.PAUSED, START);
        clock.advance(Duration.ofDays(10));
        String deliveredId = outboxStore.find(new Document("idempotencyKey", "delivered"), 0, 1).getFirst().messageId();
        deliveryReports.apply(new DeliveryUpdate(deliveredId, DeliveryUpdate.DeliveryState.DELIVERED, null));
        clock.advance(Duration.ofDays(45));
        queue("sent later", clock.instant());
        dispatcher.dispatchDue();
        // queued at the start and due since, never sent (sending paused, say): older than the retention, yet kept
        clock.set(START);
        queue("still queued", START);

        clock.set(START.plus(RETENTION).plusSeconds(60));
        ExpirySweep.at(context, clock.instant());

        assertEquals(null, statusOf("sent"), "sent 60 days ago");
        assertEquals(null, statusOf("cancelled"), "cancelled 60 days ago");
        assertEquals(OutboxStatus.DELIVERED, statusOf("delivered"), "delivered 50 days ago");
        assertEquals(OutboxStatus.SENT, statusOf("sent later"));
        assertEquals(OutboxStatus.QUEUED, statusOf("cancelled then queued again"));
        assertEquals(OutboxStatus.QUEUED, statusOf("still queued"));
    }

    @Test
    void receivedTextsGoAfterTheirRetention() {
        inbound.storeOnce(new IncomingSms("ATXid_old", "+254711000001", "21512", "STOP", START, null), null, START);
        clock.advance(Duration.ofDays(20));
        inbound.storeOnce(new IncomingSms("ATXid_recent", "+254711000001", "21512", "HELP", clock.instant(), null), null, clock.instant());

        ExpirySweep.at(context, START.plus(Duration.ofDays(31)));

        assertEquals(0, store.collection(InboundLog.COLLECTION).countDocuments(new Document("_id", "ATXid_old")));
        assertEquals(1, store.collection(InboundLog.COLLECTION).countDocuments(new Document("_id", "ATXid_recent")));
    }
}
