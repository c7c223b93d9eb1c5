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
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Refresh tokens: stored hashed, used once (even when replayed concurrently), dead after their lifetime. */
@MicronautTest(transactional = false, startApplication = false)
class RefreshTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T07:00:00Z"));

    @Inject
    RefreshTokens tokens;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void onlyTheDigestIsStored() {
        String token = tokens.issue("achieng");

        Document stored = store.collection(RefreshTokens.COLLECTION).find(new Document("username", "achieng")).first();
        assertFalse(stored.toJson().contains(token));
        assertEquals(64, stored.getString("_id").length());
    }

    @Test
    void aTokenIsUsedOnceEvenWhenReplayedConcurrently() {
        String token = tokens.issue("mutua");

        List<Optional<String>> exchanges = AllAtOnce.run(10, () -> tokens.consume(token));

        assertEquals(1, exchanges.stream().filter(Optional::isPresent).count());
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String token = tokens.issue("chebet");

        clock.advance(Duration.ofHours(12).plusSeconds(1));

        assertEquals(Optional.empty(), tokens.consume(token));
    }

    @Test
    void revokingAllOfAUsersTokensLeavesOthersAlone() {
        String first = tokens.issue("kiprop");
        String second = tokens.issue("kiprop");
        String someoneElse = tokens.issue("auma");

        tokens.revokeAll("kiprop");

        assertEquals(Optional.empty(), tokens.consume(first));
        assertEquals(Optional.empty(), tokens.consume(second));
        assertEquals(Optional.of("auma"), tokens.consume(someoneElse));
    }
}
