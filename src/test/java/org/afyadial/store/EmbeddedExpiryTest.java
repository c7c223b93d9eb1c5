package org.afyadial.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micronaut.context.ApplicationContext;
import org.afyadial.TestStoreSwitch;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The embedded store deletes expired documents as MongoDB's TTL monitor does. */
class EmbeddedExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    private ApplicationContext context;
    private Store store;

    @BeforeEach
    void start() {
        // on a real mongod MongoDB's own TTL monitor does this, and this bean does not exist
        assumeFalse(TestStoreSwitch.usesContainer());
        context = ApplicationContext.run(Map.of("afyadial.store.expiry-interval", "1h"));
        store = context.getBean(Store.class);
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static Date at(Duration fromNow) {
        return Date.from(NOW.plus(fromNow));
    }

    /** A feature's declaration of indexes, as the service's own are made. */
    private record Declared(String collection, List<IndexModel> indexes) implements CollectionIndexes {

        Declared(String collection, IndexModel index) {
            this(collection, List.of(index));
        }
    }

    private EmbeddedExpiry expiryOf(Declared... declarations) {
        for (Declared declaration : declarations) {
            store.collection(declaration.collection()).createIndexes(declaration.indexes());
        }
        return new EmbeddedExpiry(store, List.of(declarations));
    }

    private static IndexModel ttl(String field, long seconds) {
        return new IndexModel(Indexes.ascending(field), new IndexOptions().expireAfter(seconds, TimeUnit.SECONDS));
    }

    @Test
    void removesWhatHasExpiredByEachTtlIndexAndNothingElse() {
        EmbeddedExpiry expiry = expiryOf(
                new Declared("expiry_probe_tokens", ttl("expiresAt", 0)),
                new Declared("expiry_probe_windows", ttl("startedAt", 3_600)),
                new Declared("expiry_probe_untimed", new IndexModel(Indexes.ascending("expiresAt"))));

        MongoCollection<Document> tokens = store.collection("expiry_probe_tokens");
        tokens.insertMany(List.of(
                new Document("_id", "past").append("expiresAt", at(Duration.ofSeconds(-1))),
                new Document("_id", "now").append("expiresAt", at(Duration.ZERO)),
                new Document("_id", "future").append("expiresAt", at(Duration.ofMinutes(5))),
                new Document("_id", "no field"),
                new Document("_id", "null").append("expiresAt", null),
                new Document("_id", "not a date").append("expiresAt", "2020-01-01"),
                // MongoDB goes by the earliest date of an array
                new Document("_id", "dates").append("expiresAt", List.of(at(Duration.ofHours(1)), at(Duration.ofHours(-1))))));
        MongoCollection<Document> windows = store.collection("expiry_probe_windows");
        windows.insertMany(List.of(
                new Document("_id", "two hours ago").append("startedAt", at(Duration.ofHours(-2))),
                new Document("_id", "half an hour ago").append("startedAt", at(Duration.ofMinutes(-30)))));
        MongoCollection<Document> untimed = store.collection("expiry_probe_untimed");
        untimed.insertOne(new Document("_id", "kept").append("expiresAt", at(Duration.ofDays(-1))));

        assertEquals(3, expiry.removeExpired(NOW));

        assertEquals(Set.of("now", "future", "no field", "null", "not a date"), ids(tokens));
        assertEquals(Set.of("half an hour ago"), ids(windows));
        assertEquals(Set.of("kept"), ids(untimed));
    }

    @Test
    void aBacklogOfManyBatchesIsRemovedInOneSweep() {
        EmbeddedExpiry expiry = expiryOf(new Declared("expiry_probe_backlog", ttl("expiresAt", 0)));
        MongoCollection<Document> sessions = store.collection("expiry_probe_backlog");
        List<Document> backlog = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            backlog.add(new Document("_id", "old-" + i).append("expiresAt", at(Duration.ofMinutes(-1 - i))));
        }
        backlog.add(new Document("_id", "live").append("expiresAt", at(Duration.ofMinutes(1))));
        sessions.insertMany(backlog);

        assertEquals(1_234, expiry.removeExpired(NOW));
        assertEquals(Set.of("live"), ids(sessions));
    }

    @Test
    void aTtlIndexOnSeveralFieldsIsRefusedAsMongoDbRefusesIt() {
        IndexModel compound = new IndexModel(Indexes.ascending("phone", "expiresAt"),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class,
                () -> new EmbeddedExpiry(store, List.of(new Declared("expiry_probe_compound", compound))));
    }

    @Test
    void theServiceSweepsItsOwnCollectionsOnSchedule() throws InterruptedException {
        context.close();
        context = ApplicationContext.run(Map.of("afyadial.store.expiry-interval", "100ms"));
        // the USSD sessions' TTL index is created at start-up; the sweep goes by the server's clock
        MongoCollection<Document> sessions = context.getBean(Store.class).collection("ussd_sessions");
        Instant now = Instant.now();
        sessions.insertMany(List.of(
                new Document("_id", "ended long ago").append("expiresAt", Date.from(now.minus(Duration.ofMinutes(10)))),
                new Document("_id", "live").append("expiresAt", Date.from(now.plus(Duration.ofMinutes(5))))));

        Instant giveUp = Instant.now().plusSeconds(10);
        while (sessions.countDocuments(Filters.eq("_id", "ended long ago")) > 0) {
            assertFalse(Instant.now().isAfter(giveUp), "the expired session was not removed within 10 s");
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertEquals(Set.of("live"), ids(sessions));
    }

    private static Set<String> ids(MongoCollection<Document> collection) {
        return collection.find().map(document -> document.getString("_id")).into(new HashSet<>());
    }
}
