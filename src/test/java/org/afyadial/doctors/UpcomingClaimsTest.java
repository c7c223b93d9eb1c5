package org.afyadial.doctors;

import org.afyadial.MovableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coming days' claims in memory, against a store that counts its reads: the same answers as the store's query,
 * this instance's claims and releases seen at once, another instance's once the copy is older than the TTL.
 */
class UpcomingClaimsTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    /** Monday 08:10 in Nairobi. */
    private static final Instant NOW = Instant.parse("2026-03-02T05:10:00Z");
    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Instant NINE = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant TOMORROW = Instant.parse("2026-03-02T21:00:00Z");

    /** The store: claims, and the rule of {@code SlotClaims}' query; counts its reads. */
    private static final class Store implements UpcomingClaims.Loader {
        final List<Slot> claims = new CopyOnWriteArrayList<>();
        int reads;
        Runnable duringRead = () -> { };

        @Override
        public List<Slot> claimed(List<String> doctorIds, Instant from, Instant to) {
            reads++;
            duringRead.run();
            Instant earliestStart = from.minus(Duration.ofMinutes(WeeklySchedule.LONGEST_SLOT_MINUTES));
            return claims.stream().filter(c -> doctorIds.contains(c.doctorId()) && c.start().isAfter(earliestStart)
                    && c.start().isBefore(to) && c.end().isAfter(from)).toList();
        }
    }

    private final Store store = new Store();
    private final MovableClock clock = new MovableClock(NOW);
    private final UpcomingClaims upcoming = new UpcomingClaims(store, clock, NAIROBI, TTL);

    private static Slot slot(String doctor, Instant start, int minutes) {
        return new Slot(doctor, start, start.plus(Duration.ofMinutes(minutes)));
    }

    private List<Slot> claimedOn(List<String> doctors, Instant from, Instant to) {
        return sorted(upcoming.claimed(doctors, from, to).orElseThrow());
    }

    private static List<Slot> sorted(List<Slot> slots) {
        return slots.stream().sorted(Comparator.comparing(Slot::doctorId).thenComparing(Slot::start)).toList();
    }

    @Test
    void answersAsTheStoreDoesForAnyWindowOfTheComingDays() {
        Random random = new Random(7);
        Instant today = Instant.parse("2026-03-01T21:00:00Z");
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 400; i++) {
            Slot claim = slot("dr" + random.nextInt(3), today.plus(Duration.ofMinutes(5L * random.nextInt(16 * 288))),
                    5 * (1 + random.nextInt(48)));
            if (taken.add(claim.doctorId() + claim.start())) {
                store.claims.add(claim);
            }
        }
        for (int i = 0; i < 300; i++) {
            Instant from = today.plus(Duration.ofMinutes(random.nextInt(15 * 1440)));
            Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(1440)));
            List<String> doctors = random.nextBoolean() ? List.of("dr0") : List.of("dr0", "dr1", "dr2");
            assertEquals(sorted(store.claimed(doctors, from, to)), claimedOn(doctors, from, to), from + " to " + to);
        }
    }

    @Test
    void readsTheStoreOncePerDoctorsWhileTheCopyIsFresh() {
        store.claims.add(slot("dr1", NINE, 30));
        claimedOn(List.of("dr1", "dr2"), NOW, TOMORROW);
        claimedOn(List.of("dr1"), NINE, TOMORROW);
        claimedOn(List.of("dr2", "dr1"), TOMORROW, TOMORROW.plus(Duration.ofDays(3)));
        assertEquals(1, store.reads);

        claimedOn(List.of("dr3"), NOW, TOMORROW);
        assertEquals(2, store.reads, "a doctor not read before is read alone");
    }

    @Test
    void thisInstancesClaimsAndReleasesAreSeenAtOnce() {
        claimedOn(List.of("dr1"), NOW, TOMORROW);
        upcoming.added(slot("dr1", NINE, 30));
        assertEquals(List.of(slot("dr1", NINE, 30)), claimedOn(List.of("dr1"), NOW, TOMORROW));

        upcoming.removed("dr1", NINE);
        assertEquals(List.of(), claimedOn(List.of("dr1"), NOW, TOMORROW));
        assertEquals(1, store.reads);
    }

    @Test
    void anotherInstancesClaimIsSeenOnceTheCopyIsOlderThanTheTtl() {
        claimedOn(List.of("dr1"), NOW, TOMORROW);
        store.claims.add(slot("dr1", NINE, 30));

        clock.advance(TTL.minusSeconds(1));
        assertEquals(List.of(), claimedOn(List.of("dr1"), NOW, TOMORROW));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(slot("dr1", NINE, 30)), claimedOn(List.of("dr1"), NOW, TOMORROW));
    }

    @Test
    void aCopyReadWhileThisInstanceClaimedIsNotKept() {
        store.duringRead = () -> upcoming.added(slot("dr1", NINE, 30));
        claimedOn(List.of("dr1"), NOW, TOMORROW);
        store.duringRead = () -> { };

        claimedOn(List.of("dr1"), NOW, TOMORROW);
        assertEquals(2, store.reads, "the copy that may have missed the claim was read again");
        claimedOn(List.of("dr1"), NOW, TOMORROW);
        assertEquals(2, store.reads);
    }

    @Test
    void windowsBeyondTheComingDaysAreLeftToTheStore() {
        Instant yesterday = NOW.minus(Duration.ofDays(1));
        Instant lastDay = Instant.parse("2026-03-17T21:00:00Z");
        assertEquals(Optional.empty(), upcoming.claimed(List.of("dr1"), yesterday, NOW));
        assertEquals(Optional.empty(), upcoming.claimed(List.of("dr1"), NOW, lastDay.plusSeconds(1)));
        assertTrue(upcoming.claimed(List.of("dr1"), NOW, lastDay).isPresent());
        assertEquals(1, store.reads);
    }

    @Test
    void aNewDayMovesTheWindow() {
        Instant dayFifteen = Instant.parse("2026-03-17T21:00:00Z");
        store.claims.add(slot("dr1", dayFifteen, 30));
        assertEquals(Optional.empty(), upcoming.claimed(List.of("dr1"), dayFifteen, dayFifteen.plus(Duration.ofDays(1))));

        clock.advance(Duration.ofDays(1));
        assertEquals(List.of(slot("dr1", dayFifteen, 30)), claimedOn(List.of("dr1"), dayFifteen, dayFifteen.plus(Duration.ofDays(1))));
    }
}
