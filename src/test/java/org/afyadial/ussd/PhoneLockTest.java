package org.afyadial.ussd;

import com.mongodb.client.model.Filters;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone lock kept on the phone's document in {@code ussd_phones}: counted atomically, read by the dial's own
 * update, and never outlived by the document's TTL expiry.
 */
@MicronautTest(transactional = false)
class PhoneLockTest {

    private static final Instant NOW = Instant.parse("2026-03-02T07:00:00Z");
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final Duration SESSION = Duration.ofMinutes(5);
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    Store store;

    @Inject
    SessionStore sessions;

    private static String newPhone() {
        return "+2547550%05d".formatted(PHONES.incrementAndGet());
    }

    private Document phoneDocument(String phone) {
        return store.collection(SessionStore.PHONES).find(Filters.eq("_id", phone)).first();
    }

    private void assertTtlKeepsTheLock(String phone) {
        Document d = phoneDocument(phone);
        assertFalse(d.getDate(SessionStore.EXPIRES_AT).before(d.getDate(SessionStore.LOCKED_UNTIL)),
                "real MongoDB must not delete the phone's document before its lock ends: " + d.toJson());
    }

    @Test
    void theThirdFailureLocksAndTheNextDialLearnsItFromItsOwnUpdate() {
        String phone = newPhone();
        sessions.replaceLastSession(phone, "ATUid_first", NOW.plus(SESSION));
        assertEquals(Optional.empty(), sessions.countFailure(phone, NOW, 3, LOCK));
        assertEquals(Optional.empty(), sessions.countFailure(phone, NOW, 3, LOCK));
        assertEquals(Optional.of(NOW.plus(LOCK)), sessions.countFailure(phone, NOW, 3, LOCK));
        assertTtlKeepsTheLock(phone);

        Instant later = NOW.plus(Duration.ofMinutes(1));
        SessionStore.PhoneBefore before = sessions.replaceLastSession(phone, "ATUid_second", later.plus(SESSION));
        assertEquals(Optional.of("ATUid_first"), before.lastSessionId());
        assertEquals(Optional.of(NOW.plus(LOCK)), before.lockedUntil());
        assertTtlKeepsTheLock(phone);
        assertEquals("ATUid_second", phoneDocument(phone).getString("lastSessionId"));
    }

    @Test
    void aCountedFailureKeepsThePhoneDocumentForTheLockWindow() {
        String phone = newPhone();
        sessions.countFailure(phone, NOW, 3, LOCK);
        sessions.replaceLastSession(phone, "ATUid_after", NOW.plus(SESSION));
        assertEquals(NOW.plus(LOCK), phoneDocument(phone).getDate(SessionStore.EXPIRES_AT).toInstant());
        Instant muchLater = NOW.plus(Duration.ofMinutes(20));
        sessions.replaceLastSession(phone, "ATUid_later", muchLater.plus(SESSION));
        assertEquals(muchLater.plus(SESSION), phoneDocument(phone).getDate(SessionStore.EXPIRES_AT).toInstant(),
                "a later dial still extends the document");
    }

    @Test
    void clearingFailuresKeepsALockInForce() {
        String phone = newPhone();
        for (int i = 0; i < 3; i++) {
            sessions.countFailure(phone, NOW, 3, LOCK);
        }
        sessions.clearFailures(phone);
        assertEquals(Optional.of(NOW.plus(LOCK)), sessions.lockedUntil(phone));
    }

    @Test
    void clearingFailuresStartsTheCountAgain() {
        String phone = newPhone();
        sessions.countFailure(phone, NOW, 3, LOCK);
        sessions.countFailure(phone, NOW, 3, LOCK);
        sessions.clearFailures(phone);
        assertEquals(Optional.empty(), sessions.countFailure(phone, NOW, 3, LOCK));
        assertEquals(Optional.empty(), sessions.countFailure(phone, NOW, 3, LOCK));
        assertEquals(Optional.empty(), sessions.lockedUntil(phone));
    }

    @Test
    void parallelFailuresLockThePhoneAndNoneIsLost() {
        String phone = newPhone();
        long locking = AllAtOnce.run(3, () -> sessions.countFailure(phone, NOW, 3, LOCK)).stream()
                .filter(Optional::isPresent).count();
        assertEquals(1, locking, "exactly the third of three parallel failures locks");
        assertEquals(Optional.of(NOW.plus(LOCK)), sessions.lockedUntil(phone));
    }
}
