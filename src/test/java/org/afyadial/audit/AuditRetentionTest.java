package org.afyadial.audit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.TestStoreSwitch;
import org.afyadial.store.ExpirySweep;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** Audit entries are kept for their retention (seven years by default) and deleted after it, not before. */
@MicronautTest(transactional = false)
class AuditRetentionTest {

    private static final Instant START = Instant.parse("2026-03-03T07:00:00Z");

    private final MovableClock clock = new MovableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    AuditTrail trail;
    @Inject
    ApplicationContext context;
    @Inject
    Store store;

    @Test
    void entriesOlderThanSevenYearsGoAndYoungerOnesStay() {
        // on a real mongod MongoDB's own TTL monitor deletes, and the embedded expiry does not exist
        assumeFalse(TestStoreSwitch.usesContainer());
        trail.recordAs("system", "sms", "RETENTION_PROBE", "patient", "p-1", "p-1");
        clock.advance(Duration.ofDays(30));
        trail.recordAs("system", "sms", "RETENTION_PROBE", "patient", "p-2", "p-2");

        ExpirySweep.at(context, START.plus(Duration.ofDays(2555)).plusSeconds(60));

        List<String> kept = store.collection("audit_log").find(new Document("action", "RETENTION_PROBE"))
                .map(entry -> entry.getString("targetId")).into(new ArrayList<>());
        assertEquals(List.of("p-2"), kept);
    }
}
