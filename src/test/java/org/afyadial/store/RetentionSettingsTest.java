package org.afyadial.store;

import io.micronaut.context.ApplicationContext;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retention settings reach the TTL indexes, and a too short one stops the start. */
class RetentionSettingsTest {

    private static final long DAY = 86_400;

    @Test
    void theDefaultsAreWhatAClinicKeeps() {
        try (ApplicationContext context = ApplicationContext.run()) {
            Store store = context.getBean(Store.class);
            assertEquals(List.of(400 * DAY), expiries(store, "sms_outbox", "retention"));
            assertEquals(List.of(400 * DAY), expiries(store, "sms_inbound", "retention"));
            assertEquals(List.of(2555 * DAY), expiries(store, "audit_log", "at"));
            assertEquals(List.of(0L), expiries(store, "refresh_tokens", "expiry_ttl"));
            assertEquals(List.of(30 * 60L), expiries(store, "login_failures", "window_ttl"), "15 min window, then a 15 min lock");
        }
    }

    @Test
    void theSettingsReachTheIndexes() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("afyadial.retention.sms", "45d",
                "afyadial.retention.inbound-sms", "90d", "afyadial.retention.audit", "3650d",
                "afyadial.auth.failure-window", "1h", "afyadial.auth.lock-duration", "2d"))) {
            Store store = context.getBean(Store.class);
            assertEquals(List.of(45 * DAY), expiries(store, "sms_outbox", "retention"));
            assertEquals(List.of(90 * DAY), expiries(store, "sms_inbound", "retention"));
            assertEquals(List.of(3650 * DAY), expiries(store, "audit_log", "at"));
            assertEquals(List.of(2 * DAY + 3600), expiries(store, "login_failures", "window_ttl"), "a lock outlives its window");
        }
    }

    @Test
    void aRetentionShorterThanTheStartUpRepairLooksBackIsRefused() {
        Exception refused = assertThrows(Exception.class,
                () -> ApplicationContext.run(Map.of("afyadial.retention.sms", "10d")).close());
        assertTrue(messages(refused).contains("SMS_RETENTION is 10d; it must be at least 30d"), messages(refused));
    }

    private static List<Document> indexes(Store store, String collection, String name) {
        return store.collection(collection).listIndexes().into(new ArrayList<>()).stream()
                .filter(index -> name.equals(index.getString("name"))).toList();
    }

    /** One entry per index of that name: the embedded server would list a second one were an index created twice. */
    private static List<Long> expiries(Store store, String collection, String name) {
        return indexes(store, collection, name).stream().map(index -> ((Number) index.get("expireAfterSeconds")).longValue()).toList();
    }

    private static String messages(Throwable thrown) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
