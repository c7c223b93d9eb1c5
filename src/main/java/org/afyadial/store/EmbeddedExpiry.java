package org.afyadial.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Projections;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * MongoDB's TTL monitor, which the embedded server lacks: every {@code afyadial.store.expiry-interval} (60 s, as
 * MongoDB's) it deletes the documents whose TTL-indexed date lies more than the index's
 * {@code expireAfterSeconds} in the past, for the TTL indexes the features declare ({@link CollectionIndexes}).
 * Without it the embedded store kept every USSD session, refresh token and login window for good, and its file and
 * in-memory indexes grew with every dial. As on MongoDB, a document may outlive its time by up to one interval:
 * code that reads one still checks its expiry.
 *
 * <p>Like MongoDB's, it goes by the server's clock, not the application's, and leaves alone documents whose field
 * holds no date. The range is served by the field's index, so a sweep reads only what it deletes.
 */
@Singleton
@Requires(bean = EmbeddedMongoConfiguration.class)
class EmbeddedExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedExpiry.class);
    /**
     * Documents deleted per command: the embedded collections take one writer at a time, so a store that has
     * gathered many expired documents (the first sweep after an upgrade) is emptied between other writes.
     */
    private static final int BATCH = 500;

    private final Store store;
    private final List<TtlIndex> ttlIndexes;

    /** A single-field index with an expiry, as MongoDB's TTL monitor honours them. */
    private record TtlIndex(String collection, String field, long expireAfterSeconds) {
    }

    /**
     * The TTL indexes are the features' declared ones, read once: asking the server for its collections' indexes
     * took 15-20 ms per sweep.
     */
    EmbeddedExpiry(Store store, List<CollectionIndexes> declarations) {
        this.store = store;
        this.ttlIndexes = declarations.stream()
                .flatMap(declaration -> declaration.indexes().stream()
                        .filter(index -> index.getOptions().getExpireAfter(TimeUnit.SECONDS) != null)
                        .map(index -> ttlIndex(declaration.collection(), index)))
                .toList();
    }

    private static TtlIndex ttlIndex(String collection, IndexModel index) {
        BsonDocument keys = index.getKeys().toBsonDocument();
        if (keys.size() != 1) {
            throw new IllegalStateException("TTL index on " + collection + " has " + keys.size()
                    + " keys: MongoDB expires through single-field indexes only");
        }
        return new TtlIndex(collection, keys.getFirstKey(), index.getOptions().getExpireAfter(TimeUnit.SECONDS));
    }

    @Scheduled(fixedDelay = "${afyadial.store.expiry-interval:60s}", initialDelay = "${afyadial.store.expiry-interval:60s}")
    void removeExpired() {
        try {
            removeExpired(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Removing expired documents failed; retrying at the next interval", e);
        }
    }

    /** Deletes what has expired at {@code now}; answers how many documents. */
    long removeExpired(Instant now) {
        long removed = 0;
        for (TtlIndex index : ttlIndexes) {
            removed += removeExpired(index, now);
        }
        return removed;
    }

    private long removeExpired(TtlIndex index, Instant now) {
        MongoCollection<Document> collection = store.collection(index.collection());
        Bson expired = Filters.lt(index.field(), Date.from(now.minusSeconds(index.expireAfterSeconds())));
        long removed = 0;
        List<Object> batch;
        do {
            batch = collection.find(expired).projection(Projections.include("_id")).limit(BATCH)
                    .map(document -> document.get("_id")).into(new ArrayList<>());
            if (!batch.isEmpty()) {
                removed += collection.deleteMany(Filters.and(Filters.in("_id", batch), expired)).getDeletedCount();
            }
        } while (batch.size() == BATCH);
        if (removed > 0) {
            LOG.debug("Removed {} expired documents from {}", removed, index.collection());
        }
        return removed;
    }
}
