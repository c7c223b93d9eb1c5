package org.afyadial.sms;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dispatcher runs on its own schedule (here with the dev sender: no AT key). */
class DispatchScheduleTest {

    @Test
    void queuedMessagesGoOutWithoutAnyoneAsking() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "afyadial.sms.dispatch-interval", "50ms", "afyadial.sms.quiet-hours", "00:00-00:00"))) {
            Outbox outbox = context.getBean(Outbox.class);
            OutboxStore store = context.getBean(OutboxStore.class);
            for (int i = 0; i < 30; i++) {
                outbox.queue(SmsRequest.now("schedule:" + i, null, "+25470000%04d".formatted(i), "en", "hello", MessageKind.STAFF));
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (store.find(eq("status", OutboxStatus.SENT.name()), 0, 100).size() < 30 && Instant.now().isBefore(deadline)) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertEquals(30, store.find(eq("status", OutboxStatus.SENT.name()), 0, 100).size());
        }
    }
}
