package org.afyadial.ussd;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * USSD sessions ({@code ussd_sessions}, keyed by the provider's session id) and, per phone, the last
 * session ({@code ussd_phones}) so that a new session can offer to resume. A hop costs one read and one
 * conditional replace; hops that change records add one atomic claim.
 */
@Singleton
class SessionStore {

    static final String SESSIONS = "ussd_sessions";
    static final String PHONES = "ussd_phones";

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> phones;

    SessionStore(Store store) {
        this.sessions = store.collection(SESSIONS);
        this.phones = store.collection(PHONES);
    }

    Optional<UssdSession> find(String sessionId) {
        Document found = sessions.find(Filters.eq("_id", sessionId)).first();
        return Optional.ofNullable(found).map(UssdSession::fromDocument);
    }

    /** Stores a new session; false when a duplicate request stored it first. */
    boolean insert(UssdSession session) {
        try {
            sessions.insertOne(session.toDocument());
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Writes the session back if nobody advanced it meanwhile: the stored digest of the last text (and the
     * claim, if one was taken) must still be the ones this hop started from.
     */
    boolean commit(UssdSession session, String expectedDigest, String expectedPending) {
        Bson unchanged = Filters.and(Filters.eq("_id", session.id), Filters.eq("lastDigest", expectedDigest),
                Filters.eq("pending", expectedPending));
        return sessions.replaceOne(unchanged, session.toDocument(), new ReplaceOptions()).getMatchedCount() == 1;
    }

    /** Marks the session as being advanced by the request with this digest; false if another request got there first. */
    boolean claim(String sessionId, String expectedDigest, String digest) {
        Bson free = Filters.and(Filters.eq("_id", sessionId), Filters.eq("lastDigest", expectedDigest),
                Filters.eq("pending", null));
        return sessions.updateOne(free, Updates.set("pending", digest)).getModifiedCount() == 1;
    }

    /** Gives up a claim after a failure, so that the next request is not kept waiting for it. */
    void release(String sessionId, String digest) {
        sessions.updateOne(Filters.and(Filters.eq("_id", sessionId), Filters.eq("pending", digest)),
                Updates.set("pending", null));
    }

    void rememberLastSession(String phone, String sessionId, Instant expiresAt) {
        phones.updateOne(Filters.eq("_id", phone),
                Updates.combine(Updates.set("lastSessionId", sessionId), Updates.set("expiresAt", Date.from(expiresAt))),
                new UpdateOptions().upsert(true));
    }

    Optional<String> lastSessionOf(String phone) {
        Document found = phones.find(Filters.eq("_id", phone)).first();
        return Optional.ofNullable(found).map(d -> d.getString("lastSessionId"));
    }

    /** Keeps the provider's end-of-session report; a session that ended normally is no longer offered for resuming. */
    boolean recordEnd(UssdSessionReport report) {
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

    /** Real MongoDB deletes expired documents; the engine also checks {@code expiresAt} itself. */
    private static IndexModel expiry() {
        return new IndexModel(Indexes.ascending("expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl"));
    }
}
