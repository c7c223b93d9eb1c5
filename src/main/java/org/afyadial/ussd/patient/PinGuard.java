package org.afyadial.ussd.patient;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Store;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wrong USSD PINs, per phone ({@code ussd_pin_locks}): the third wrong PIN in a row locks USSD access from that
 * phone for 15 minutes. Failures are counted with an atomic increment, so parallel sessions cannot get extra tries.
 */
@Singleton
class PinGuard {

    static final String COLLECTION = "ussd_pin_locks";
    static final int MAX_FAILURES = 3;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final MongoCollection<Document> locks;

    PinGuard(Store store) {
        this.locks = store.collection(COLLECTION);
    }

    boolean isLocked(String phone, Instant now) {
        Document found = locks.find(Filters.eq("_id", phone)).first();
        return found != null && found.getDate("lockedUntil") != null && found.getDate("lockedUntil").toInstant().isAfter(now);
    }

    /** Counts a wrong PIN; true when it locks the phone. */
    boolean recordFailure(String phone, Instant now) {
        Document after = locks.findOneAndUpdate(Filters.eq("_id", phone),
                Updates.combine(Updates.inc("failures", 1), Updates.set("expiresAt", Date.from(now.plus(LOCK)))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        if (after.getInteger("failures", 0) < MAX_FAILURES) {
            return false;
        }
        locks.updateOne(Filters.eq("_id", phone), Updates.combine(Updates.set("failures", 0),
                Updates.set("lockedUntil", Date.from(now.plus(LOCK))), Updates.set("expiresAt", Date.from(now.plus(LOCK)))));
        return true;
    }

    void clear(String phone) {
        locks.deleteOne(Filters.and(Filters.eq("_id", phone), Filters.exists("lockedUntil", false)));
    }

    @Singleton
    static class LockIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("expiresAt"),
                    new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("expiresAt_ttl")));
        }
    }
}
