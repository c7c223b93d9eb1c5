package org.afyadial.staff;

import org.afyadial.AllAtOnce;
import org.afyadial.MovableClock;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lockout counter: a sliding 15-minute window, a 15-minute lock, every concurrent failure counted. */
@MicronautTest(transactional = false, startApplication = false)
class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-05-04T07:00:00Z");
    private final MovableClock clock = new MovableClock(START);

    @Inject
    LoginThrottle throttle;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void theFifthFailureWithinTheWindowLocksForFifteenMinutes() {
        for (int failure = 1; failure <= 4; failure++) {
            assertEquals(Optional.empty(), throttle.recordFailure("kamau"));
            clock.advance(Duration.ofMinutes(3));
        }
        Instant fifth = clock.instant();

        assertEquals(Optional.of(fifth.plus(Duration.ofMinutes(15))), throttle.recordFailure("kamau"));
        assertEquals(Optional.of(fifth.plus(Duration.ofMinutes(15))), throttle.lockedUntil("kamau"));
        assertEquals(Optional.empty(), throttle.lockedUntil("someone.else"));

        clock.advance(Duration.ofMinutes(15));
        assertEquals(Optional.empty(), throttle.lockedUntil("kamau"));
        assertEquals(Optional.empty(), throttle.recordFailure("kamau"), "the lock's end opens a new window");
    }

    @Test
    void failuresOlderThanTheWindowAreNotCounted() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.recordFailure("otieno");
        }
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        for (int failure = 1; failure <= 4; failure++) {
            assertEquals(Optional.empty(), throttle.recordFailure("otieno"));
        }
        assertEquals(Optional.empty(), throttle.lockedUntil("otieno"));
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.recordFailure("njeri");
        }
        throttle.clear("njeri");

        assertEquals(Optional.empty(), throttle.recordFailure("njeri"));
    }

    @Test
    void concurrentFailuresAreAllCounted() {
        AllAtOnce.run(20, () -> throttle.recordFailure("wanjiku"));

        Document counter = store.collection(LoginThrottle.COLLECTION).find(new Document("_id", "wanjiku")).first();
        assertEquals(20, counter.getInteger("failures"));
        assertTrue(throttle.lockedUntil("wanjiku").isPresent());
    }
}
