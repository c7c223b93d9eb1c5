package org.afyadial.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The embedded server's indexes change how a query is answered, never what it answers: every query of the table
 * gives the same documents as mongo-java-server's stock H2 backend, which reads every document, before and after
 * writes and after a restart (when the in-memory indexes are rebuilt from the file, unique keys included).
 */
class EmbeddedIndexesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    /** Query (extended JSON) and the sort and limit to apply; dates are minutes after T0. */
    private static final List<String> QUERIES = List.of(
            "{_id: 5}",
            "{_id: {$eq: 5}}",
            "{_id: 5, status: 'SENT'}",
            "{_id: 6, version: 0}",
            "{$and: [{_id: {$in: [1, 2, 3, 40]}}, {status: 'QUEUED'}]}",
            "{_id: {$in: [7, 8]}, owner: 'o2'}",
            "{code: 'c7'}",
            "{code: 'c7', n: 7}",
            "{code: {$in: ['c3', 'c4', 'nope']}}",
            "{owner: 'o1'}",
            "{owner: 'o9'}",
            "{owner: 'o1', at: {$lt: {$date: '2026-11-21T09:00:00Z'}}}",
            "{owner: 'o2', at: {$gte: {$date: '2026-11-21T08:30:00Z'}, $lt: {$date: '2026-11-21T10:00:00Z'}}}",
            "{owner: {$in: ['o1', 'o3']}, at: {$gt: {$date: '2026-11-21T09:00:00Z'}}}",
            "{owner: {$in: ['o3', 'o1', 'o3']}}",
            "{n: {$in: [2, 2.0, {$numberLong: '2'}, 3]}}",
            "{$and: [{owner: 'o4'}, {at: {$lte: {$date: '2026-11-21T09:00:00Z'}}}, {status: {$ne: 'SENT'}}]}",
            "{owner: 'o1', $or: [{status: 'SENT'}, {n: 2}]}",
            "{$or: [{owner: 'o1', at: {$lt: {$date: '2026-11-21T09:00:00Z'}}}, {owner: 'o2', status: 'QUEUED'}]}",
            "{$or: [{status: 'QUEUED', at: {$lte: {$date: '2026-11-21T09:00:00Z'}}}, {status: 'SENT', n: {$lt: 3}}]}",
            "{$or: [{owner: 'o1'}, {status: 'SENT'}]}",
            "{at: {$gte: {$date: '2026-11-21T10:00:00Z'}}}",
            "{$and: [{owner: 'o1'}, {at: {$gt: {$date: '2026-11-21T08:30:00Z'}}}, {at: {$lte: {$date: '2026-11-21T10:00:00Z'}}}]}",
            "{$and: [{at: {$lt: {$date: '2026-11-21T10:00:00Z'}}}, {at: {$gt: {$date: '2026-11-21T09:00:00Z'}}}, {n: {$gte: 3}}]}",
            "{status: 'SENT'}",
            "{status: null}",
            "{status: {$exists: false}}",
            "{n: 3}",
            "{n: {$gt: 2.5, $lte: 10}}",
            "{n: {$lt: 2}}",
            "{tags: 'red'}",
            "{tags: {$in: ['red', 'blue']}}",
            "{tags: ['red', 'blue']}",
            "{'meta.kind': 'b'}",
            "{ref: 'r6'}",
            "{ref: {$in: ['r3', 'r9', 'nope']}}",
            "{ref: {$gte: 'r30'}}",
            "{ref: null}",
            "{ref: {$exists: false}}",
            "{ref: {$exists: true}}");

    /** Pipelines, some answered as a find by the embedded server (AggregateAsFind), some run as pipelines. */
    private static final List<String> PIPELINES = List.of(
            "[{$match: {owner: 'o1'}}, {$sort: {at: -1}}]",
            "[{$match: {owner: {$in: ['o2', 'o3']}, at: {$lt: {$date: '2026-11-21T10:00:00Z'}}}}, {$sort: {n: 1, _id: 1}}, {$skip: 2}, {$limit: 4}]",
            "[{$sort: {code: 1, _id: 1}}, {$limit: 5}]",
            "[{$match: {status: 'SENT'}}, {$group: {_id: '$owner', n: {$sum: 1}}}, {$sort: {_id: 1}}]",
            "[{$sort: {_id: 1}}, {$limit: 10}, {$skip: 3}]");

    @TempDir
    Path dir;

    private MongoServer referenceServer;
    private MongoServer subjectServer;
    private EmbeddedBackend subjectBackend;
    private MongoClient referenceClient;
    private MongoClient subjectClient;

    @BeforeEach
    void start() {
        referenceServer = new MongoServer(new H2Backend(new MVStore.Builder().open()));
        referenceClient = client(referenceServer);
        startSubject();
        forBoth(this::createIndexes);
        forBoth(collection -> collection.insertMany(documents()));
    }

    @AfterEach
    void stop() {
        referenceClient.close();
        referenceServer.shutdownNow();
        stopSubject();
    }

    @Test
    void indexedQueriesFindWhatAFullReadFinds() {
        assertSameAnswers("after inserts");
    }

    @Test
    void indexesFollowUpdatesReplacementsAndDeletes() {
        forBoth(c -> c.updateMany(Document.parse("{owner: 'o1'}"), Document.parse("{$set: {status: 'SENT', n: 2}}")));
        forBoth(c -> c.updateOne(Document.parse("{_id: 6, version: 0}"),
                Document.parse("{$set: {owner: 'o2', at: {$date: '2026-11-21T08:45:00Z'}}, $inc: {version: 1}}")));
        forBoth(c -> c.updateOne(Document.parse("{_id: 11}"), Document.parse("{$unset: {owner: 1}, $push: {tags: 'blue'}}")));
        forBoth(c -> c.replaceOne(Document.parse("{_id: 9}"), Document.parse("{_id: 9, owner: 'o4', code: 'c9', tags: []}")));
        forBoth(c -> c.deleteMany(Document.parse("{owner: 'o3', at: {$lt: {$date: '2026-11-21T09:30:00Z'}}}")));
        forBoth(c -> c.updateOne(Document.parse("{_id: 1}"), Document.parse("{$set: {ref: 'r1'}}")));
        forBoth(c -> c.updateOne(Document.parse("{_id: 3}"), Document.parse("{$unset: {ref: 1}}")));
        forBoth(c -> c.deleteOne(Document.parse("{_id: 5}")));
        forBoth(c -> c.insertOne(Document.parse("{_id: 5, owner: 'o1', code: 'c5b', status: 'QUEUED', n: 3}")));
        assertSameAnswers("after writes");
    }

    @Test
    void indexesAreRebuiltWhenTheServerStartsAgain() {
        forBoth(c -> c.updateMany(Document.parse("{owner: 'o2'}"), Document.parse("{$set: {owner: 'o3'}}")));
        stopSubject();
        startSubject();
        assertSameAnswers("after a restart");
        MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                () -> collection(subjectClient).insertOne(Document.parse("{_id: 100, code: 'c7'}")));
        assertEquals(ErrorCategory.DUPLICATE_KEY, duplicate.getError().getCategory(), "unique keys still hold");
        assertThrows(MongoWriteException.class, () -> collection(subjectClient).insertOne(Document.parse("{_id: 7}")));
    }

    private void assertSameAnswers(String when) {
        int matched = 0;
        for (String query : QUERIES) {
            Document filter = Document.parse(query);
            List<Object> expected = ids(collection(referenceClient), filter);
            assertEquals(expected, ids(collection(subjectClient), filter), when + ": " + query);
            assertEquals(firstThreeByTime(collection(referenceClient), filter),
                    firstThreeByTime(collection(subjectClient), filter), when + ", sorted and limited: " + query);
            matched += expected.isEmpty() ? 0 : 1;
        }
        for (String pipeline : PIPELINES) {
            List<Document> stages = Document.parse("{p: " + pipeline + "}").getList("p", Document.class);
            assertEquals(collection(referenceClient).aggregate(stages).into(new ArrayList<>()),
                    collection(subjectClient).aggregate(stages).into(new ArrayList<>()), when + ": " + pipeline);
        }
        assertFalse(matched < QUERIES.size() / 2, "most queries of the table match something");
    }

    private static List<Object> ids(MongoCollection<Document> collection, Document filter) {
        return collection.find(filter).sort(Sorts.ascending("_id")).map(d -> d.get("_id")).into(new ArrayList<>());
    }

    private static List<Object> firstThreeByTime(MongoCollection<Document> collection, Document filter) {
        return collection.find(filter).sort(Sorts.orderBy(Sorts.descending("at"), Sorts.ascending("_id"))).limit(3)
                .map(d -> d.get("_id")).into(new ArrayList<>());
    }

    private void createIndexes(MongoCollection<Document> collection) {
        collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        collection.createIndex(Indexes.ascending("owner", "at"));
        collection.createIndex(Indexes.ascending("at"));
        collection.createIndex(Indexes.ascending("status"));
        collection.createIndex(Indexes.ascending("n"));
        collection.createIndex(Indexes.ascending("tags"));
        collection.createIndex(Indexes.ascending("meta.kind"));
        collection.createIndex(Indexes.ascending("ref"), new IndexOptions().sparse(true));
    }

    /**
     * Forty documents with the awkward cases: missing and null fields (also under the sparse index), numbers of three
     * types, arrays, sub-documents.
     */
    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        String[] statuses = {"QUEUED", "SENT", null, "missing"};
        for (int i = 1; i <= 40; i++) {
            Document d = new Document("_id", i).append("version", 0)
                    .append("owner", "o" + (i % 5))
                    .append("at", Date.from(T0.plusSeconds(60L * 7 * i)))
                    .append("n", switch (i % 3) { case 0 -> i % 7; case 1 -> (long) (i % 7); default -> (double) (i % 7); })
                    .append("tags", i % 4 == 0 ? List.of("red", "blue") : List.of(i % 2 == 0 ? "red" : "green"))
                    .append("meta", new Document("kind", i % 2 == 0 ? "a" : "b"));
            if (i % 6 != 0) {
                d.append("code", "c" + i);
            }
            if (i % 3 == 0) {
                d.append("ref", "r" + i);
            } else if (i % 10 == 1) {
                d.append("ref", null);
            }
            String status = statuses[i % statuses.length];
            if (!"missing".equals(status)) {
                d.append("status", status);
            }
            documents.add(d);
        }
        return documents;
    }

    private void forBoth(Consumer<MongoCollection<Document>> action) {
        action.accept(collection(referenceClient));
        action.accept(collection(subjectClient));
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("probe").getCollection("things");
    }

    private void startSubject() {
        subjectBackend = new EmbeddedBackend(EmbeddedBackend.openFile(dir.resolve("subject.mv")), Set.of());
        subjectServer = new MongoServer(subjectBackend);
        subjectClient = client(subjectServer);
    }

    private void stopSubject() {
        subjectClient.close();
        subjectServer.shutdownNow();
        subjectBackend.close();
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }
}
