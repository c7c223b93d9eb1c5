package org.afyadial.doctors;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.TestStoreSwitch;
import org.afyadial.store.ExpirySweep;
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A claim on a doctor's time goes once that time started longer ago than {@code SLOT_CLAIM_RETENTION} (here two
 * days); a claim on time still ahead stays, however long ago it was made.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.retention.slot-claims", value = "2d")
class ClaimRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(2);

    /** Monday 08:10 in Nairobi: times free today and in the coming days. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ClinicFixture clinic;

    @Inject
    Store store;

    @Inject
    ApplicationContext context;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aClaimGoesItsRetentionAfterItsTimeStartedAndAClaimOnTimeAheadStays() {
        // on a real mongod MongoDB's own TTL monitor deletes, and the embedded expiry does not exist
        assumeFalse(TestStoreSwitch.usesContainer());
        clinic.doctor("Kamau", "General Medicine", "kamau");
        clinic.patient("Wanjiku", "+254733200001");
        bookByUssd("+254733200001", "1");
        clinic.patient("Akinyi", "+254733200002");
        bookByUssd("+254733200002", "9");
        List<Instant> starts = claimStarts();
        assertEquals(2, starts.size(), "a claim per booking");
        Instant today = starts.getFirst();
        Instant ahead = starts.getLast();
        assertTrue(ahead.isAfter(today.plus(RETENTION).plus(Duration.ofDays(1))), "the second time is days after the first");

        ExpirySweep.at(context, today.plus(RETENTION).minusSeconds(60));
        assertEquals(starts, claimStarts(), "both kept until two days after the first time started");

        ExpirySweep.at(context, today.plus(RETENTION).plusSeconds(60));
        assertEquals(List.of(ahead), claimStarts(), "the claim on the time past its retention went");

        ExpirySweep.at(context, ahead.minusSeconds(1));
        assertEquals(List.of(ahead), claimStarts(), "a claim on time ahead never goes");
        assertEquals(RETENTION.toSeconds(), expireAfterSeconds(), "the index the store holds has the setting's expiry");
    }

    @Test
    void aRetentionShorterThanADayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClaimRetention(Duration.ofHours(23)));
    }

    /** Books the first time of the day-th day offered with the first doctor, through POST /at/ussd. */
    private void bookByUssd(String number, String day) {
        UssdPhone phone = new UssdPhone(http.toBlocking(), number);
        phone.dial();
        phone.type("1");
        phone.type("1");
        phone.type("1");
        phone.type(day);
        phone.type("1");
        String booked = phone.type("1");
        assertTrue(booked.startsWith("END Booked"), booked);
    }

    private List<Instant> claimStarts() {
        return store.collection(SlotClaims.COLLECTION).find().map(d -> d.getDate("start").toInstant())
                .into(new ArrayList<>()).stream().sorted(Comparator.naturalOrder()).toList();
    }

    private long expireAfterSeconds() {
        Document index = store.collection(SlotClaims.COLLECTION).listIndexes().into(new ArrayList<>()).stream()
                .filter(i -> "retention".equals(i.getString("name"))).findFirst().orElseThrow();
        return ((Number) index.get("expireAfterSeconds")).longValue();
    }
}
