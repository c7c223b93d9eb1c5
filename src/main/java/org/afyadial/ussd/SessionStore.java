package org.afyadial.ussd;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Durability;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * USSD sessions ({@code ussd_sessions}, keyed by the provider's session id) and, per phone ({@code ussd_phones}),
 * the last USSD session, so that a new session can offer to resume, and the failures that lock USSD access from the
 * phone (see {@link PhoneLock}): the dial reads both with the one update it makes anyway. The store is the truth,
 * so any instance can serve the next hop; each instance also remembers the sessions it last wrote, so that the
 * usual hop costs only its conditional replace, written together with those of concurrent hops
 * ({@link SessionWriter}), and per phone the last USSD session it ended, so that the next dial does not read it back.
 * The condition (the hop count the hop started from) fails if another instance moved the session on
 * meanwhile, and the engine then reads the store. Hops that change records add one atomic claim.
 */
@Singleton
class SessionStore {

    static final String SESSIONS = "ussd_sessions";
    static final String PHONES = "ussd_phones";
    static final String EXPIRES_AT = "expiresAt";
    static final String LOCKED_UNTIL = "lockedUntil";
    private static final String LAST_SESSION_ID = "lastSessionId";
    private static final String FAILURES = "failures";

    /** Enough for every session of a busy clinic's last minutes; older ones are read from the store. */
    private static final int REMEMBERED_SESSIONS = 5_000;

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> phones;
    private final SessionWriter writer;
    private final Map<String, UssdSession> remembered = lastUsed(REMEMBERED_SESSIONS);
    /**
     * Phone to the id of the session this instance ended last there. Keyed by phone, so that a new session
     * replaces the phone's previous one: remembering every ended session kept thousands of them alive for
     * seconds, which the young collections then had to copy.
     */
    private final Map<String, String> endedByPhone = lastUsed(REMEMBERED_SESSIONS);

    SessionStore(Store store, SessionWriter writer) {
        this.sessions = store.collection(SESSIONS);
        this.phones = store.collection(PHONES);
        this.writer = writer;
    }

    /** The session as this instance last wrote it, which another instance may have moved on since. */
    Optional<UssdSession> remembered(String sessionId) {
        return Optional.ofNullable(remembered.get(sessionId));
    }

    void forget(String sessionId) {
        remembered.remove(sessionId);
    }

    Optional<UssdSession> find(String sessionId) {
        Document found = sessions.find(Filters.eq("_id", sessionId)).first();
        return Optional.ofNullable(found).map(UssdSession::fromDocument);
    }

    /** Stores a new session; false when a duplicate request stored it first. */
    boolean insert(UssdSession session) {
        try {
            sessions.insertOne(session.toDocument());
            remember(session);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Writes the session back if nobody advanced it meanwhile: the stored hop count (and the claim, if one was
     * taken) must still be the ones this hop started from.
     */
    boolean commit(UssdSession session, int expectedHops, String expectedPending) {
        Bson unchanged = Filters.and(Filters.eq("_id", session.id), Filters.eq("hops", expectedHops),
                Filters.eq("pending", expectedPending));
        if (!writer.replace(session.id, unchanged, session.toDocument())) {
            return false;
        }
        remember(session);
        return true;
    }

    /**
     * The session, unless this instance wrote its end: an ended session never changes again, so a dial that looks
     * at the phone's last USSD session for resuming need not read it.
     */
    Optional<UssdSession> findUnlessEndedHere(String phone, String sessionId) {
        return sessionId.equals(endedByPhone.get(phone)) ? Optional.empty() : find(sessionId);
    }

    private void remember(UssdSession session) {
        if (session.pending == null && !session.end) {
            remembered.put(session.id, session);
        } else {
            remembered.remove(session.id);
        }
        if (session.end) {
            endedByPhone.put(session.phone, session.id);
        }
    }

    /** A map that drops its least recently used entry beyond {@code capacity}. */
    private static <V> Map<String, V> lastUsed(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }

    /** Marks the session as being advanced by the request with this claim id; false if another request got there first. */
    boolean claim(String sessionId, int expectedHops, String claimId) {
        remembered.remove(sessionId);
        Bson free = Filters.and(Filters.eq("_id", sessionId), Filters.eq("hops", expectedHops),
                Filters.eq("pending", null));
        return sessions.updateOne(free, Updates.set("pending", claimId)).getModifiedCount() == 1;
    }

    /** Gives up a claim after a failure, so that the next request is not kept waiting for it. */
    void release(String sessionId, String claimId) {
        sessions.updateOne(Filters.and(Filters.eq("_id", sessionId), Filters.eq("pending", claimId)),
                Updates.set("pending", null));
    }

    /**
     * Records this USSD session as the phone's latest and answers what the phone's document held before: the session
     * it replaces and any lock. The expiry only ever moves later, so a lock outlives the sessions that follow it.
     */
    PhoneBefore replaceLastSession(String phone, String sessionId, Instant expiresAt) {
        // Not forced to disk (every dial would wait for the disk): losing it in a crash only makes a hop of this
        // USSD session after the restart replay its text as a dialled shortcut would, and an input that changed
        // records on the way made a durable write, which took this one to disk with it. The lock it reads is set by
        // forced writes.
        Document before = Durability.unforced(() -> phones.findOneAndUpdate(Filters.eq("_id", phone),
                Updates.combine(Updates.set(LAST_SESSION_ID, sessionId), Updates.max(EXPIRES_AT, Date.from(expiresAt))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
        return before == null ? new PhoneBefore(Optional.empty(), Optional.empty())
                : new PhoneBefore(Optional.ofNullable(before.getString(LAST_SESSION_ID)), lockedUntil(before));
    }

    /** What the phone's document held before a dial. */
    record PhoneBefore(Optional<String> lastSessionId, Optional<Instant> lockedUntil) {
    }

    Optional<Instant> lockedUntil(String phone) {
        Document found = phones.find(Filters.eq("_id", phone)).projection(Projections.include(LOCKED_UNTIL)).first();
        return found == null ? Optional.empty() : lockedUntil(found);
    }

    private static Optional<Instant> lockedUntil(Document phone) {
        return Optional.ofNullable(phone.getDate(LOCKED_UNTIL)).map(Date::toInstant);
    }

    /**
     * Counts a failure against the phone with one atomic increment, so that parallel sessions cannot get extra
     * tries; the {@code maxFailures}-th locks the phone until {@code now + lockFor} and starts the count again.
     * The phone's document lives at least as long as its count and its lock. Answers the lock, if this one set it.
     */
    Optional<Instant> countFailure(String phone, Instant now, int maxFailures, Duration lockFor) {
        Date until = Date.from(now.plus(lockFor));
        Document after = phones.findOneAndUpdate(Filters.eq("_id", phone),
                Updates.combine(Updates.inc(FAILURES, 1), Updates.max(EXPIRES_AT, until)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (after.getInteger(FAILURES, 0) < maxFailures) {
            return Optional.empty();
        }
        // the document's expiry already reaches the lock's end: the increment moved it
        phones.updateOne(Filters.eq("_id", phone), Updates.combine(Updates.set(FAILURES, 0), Updates.set(LOCKED_UNTIL, until)));
        return Optional.of(until.toInstant());
    }

    /** Forgets the phone's failures; a lock in force stays. */
    void clearFailures(String phone) {
        phones.updateOne(Filters.and(Filters.eq("_id", phone), Filters.exists(FAILURES)), Updates.unset(FAILURES));
    }

    /** Lifts the phone's lock and forgets its failures. */
    void unlock(String phone) {
        phones.updateOne(Filters.eq("_id", phone), Updates.combine(Updates.unset(LOCKED_UNTIL), Updates.unset(FAILURES)));
    }

    /** Keeps the provider's end-of-session report; a session that ended normally is no longer offered for resuming. */
    boolean recordEnd(UssdSessionReport report) {
        remembered.remove(report.sessionId());
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("report.status", report.status()),
                Updates.set("report.durationMillis", report.durationMillis()),
                Updates.set("report.hops", report.hops()),
                Updates.set("report.cost", report.cost()),
                Updates.set("report.errorMessage", report.errorMessage()),
                Updates.set("report.endedAt", report.endedAt() == null ? null : Date.from(report.endedAt()))));
        if ("Success".equalsIgnoreCase(report.status())) {
            updates.add(Updates.set("end", true));
        }
        return sessions.updateOne(Filters.eq("_id", report.sessionId()), Updates.combine(updates)).getMatchedCount() == 1;
    }

    @Singleton
    static class SessionIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return SESSIONS;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(expiry());
        }

        /**
         * A session lives a few minutes, and a hop whose session is gone starts again at the start screen
         * ({@link UssdEngine}): the embedded store need not write every hop's session to its file. A phone's
         * document, which holds its PIN lock and tells a lost session from a new one, is kept on file.
         */
        @Override
        public boolean shortLived() {
            return true;
        }
    }

    @Singleton
    static class PhoneIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return PHONES;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(expiry());
        }
    }

    /**
     * MongoDB (and store.EmbeddedExpiry on the embedded store) deletes expired documents; the engine also checks
     * {@code expiresAt} itself.
     */
    private static IndexModel expiry() {
        return new IndexModel(Indexes.ascending(EXPIRES_AT),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl"));
    }
}
