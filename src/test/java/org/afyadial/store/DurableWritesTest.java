package org.afyadial.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The embedded store answers a write once it is on disk: what the file holds at that moment is what a crash keeps. */
class DurableWritesTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInTheFileWhenItsAnswerArrives() throws IOException {
        EmbeddedBackend backend = new EmbeddedBackend(EmbeddedBackend.openFile(dir.resolve("store.mv")), Set.of("sessions"));
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            MongoDatabase db = client.getDatabase("afyadial");
            for (int i = 0; i < 10; i++) {
                String id = "p" + i;
                db.getCollection("patients").insertOne(new Document("_id", id).append("name", "before"));
                assertEquals("before", inFileAtThisMoment("patients", id).getString("name"), "inserted " + id);
                db.getCollection("patients").updateOne(Filters.eq("_id", id), Updates.set("name", "after"));
                assertEquals("after", inFileAtThisMoment("patients", id).getString("name"), "updated " + id);
                db.getCollection("patients").findOneAndUpdate(Filters.eq("_id", id), Updates.set("name", "claimed"));
                assertEquals("claimed", inFileAtThisMoment("patients", id).getString("name"), "found and updated " + id);
                db.getCollection("patients").deleteOne(Filters.eq("_id", id));
                assertNull(inFileAtThisMoment("patients", id), "deleted " + id);
            }
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }

    @Test
    void writesToShortLivedCollectionsAndReadsForceNothing() {
        try (MVStore store = EmbeddedBackend.openFile(dir.resolve("store.mv"))) {
            DurableWrites writes = new DurableWrites(store, Set.of("sessions"));
            de.bwaldvogel.mongo.bson.Document answer = new de.bwaldvogel.mongo.bson.Document("ok", 1.0);

            writes.run("update", new de.bwaldvogel.mongo.bson.Document("update", "sessions"), () -> answer);
            writes.run("find", new de.bwaldvogel.mongo.bson.Document("find", "patients"), () -> answer);
            assertEquals(0, writes.forcedCommits());

            writes.run("insert", new de.bwaldvogel.mongo.bson.Document("insert", "patients"), () -> answer);
            writes.run("findAndModify", new de.bwaldvogel.mongo.bson.Document("findAndModify", "counters"), () -> answer);
            assertEquals(2, writes.forcedCommits());
        }
    }

    @Test
    void writesMadeTogetherAnswerAtOnceAndAreOnDiskWhenTheOperationReturns() throws IOException {
        try (MVStore store = EmbeddedBackend.openFile(dir.resolve("store.mv"))) {
            DurableWrites writes = new DurableWrites(store, Set.of("sessions"));
            MVMap<String, String> patients = store.openMap("patients");
            AtomicInteger forcedDuringTheOperation = new AtomicInteger(-1);

            Durability.together(() -> {
                for (String id : new String[] {"p1", "p2", "p3"}) {
                    writes.run("insert", new de.bwaldvogel.mongo.bson.Document("insert", "patients"), () -> {
                        patients.put(id, "stored");
                        return new de.bwaldvogel.mongo.bson.Document("ok", 1.0);
                    });
                }
                Durability.together(() -> writes.run("update", new de.bwaldvogel.mongo.bson.Document("update", "patients"), () -> {
                    patients.put("p1", "updated");
                    return new de.bwaldvogel.mongo.bson.Document("ok", 1.0);
                }));
                forcedDuringTheOperation.set((int) writes.forcedCommits());
                return null;
            });

            assertEquals(0, forcedDuringTheOperation.get(), "no write waited for the disk inside the operation");
            assertEquals(1, writes.forcedCommits(), "one forced commit for all of the operation's writes");
            Path crashed = Files.copy(dir.resolve("store.mv"), dir.resolve("crashed.mv"), StandardCopyOption.REPLACE_EXISTING);
            try (MVStore file = new MVStore.Builder().fileName(crashed.toString()).open()) {
                MVMap<String, String> inFile = file.openMap("patients");
                assertEquals("updated", inFile.get("p1"));
                assertEquals("stored", inFile.get("p3"));
            }
        }
    }

    @Test
    void unforcedWritesWaitForNoCommitAndReachTheDiskWithTheNextForcedOne() throws IOException {
        try (MVStore store = EmbeddedBackend.openFile(dir.resolve("store.mv"))) {
            DurableWrites writes = new DurableWrites(store, Set.of("sessions"));
            MVMap<String, String> phones = store.openMap("phones");

            Durability.together(() -> Durability.unforced(() -> writes.run("findAndModify",
                    new de.bwaldvogel.mongo.bson.Document("findAndModify", "phones"), () -> {
                        phones.put("+254700000001", "latest dial");
                        return new de.bwaldvogel.mongo.bson.Document("ok", 1.0);
                    })));
            assertEquals(0, writes.forcedCommits(), "an unforced write, also inside an operation, waits for no commit");

            writes.run("insert", new de.bwaldvogel.mongo.bson.Document("insert", "patients"), () -> {
                store.openMap("patients").put("p1", "stored");
                return new de.bwaldvogel.mongo.bson.Document("ok", 1.0);
            });
            assertEquals(1, writes.forcedCommits());
            Path crashed = Files.copy(dir.resolve("store.mv"), dir.resolve("crashed.mv"), StandardCopyOption.REPLACE_EXISTING);
            try (MVStore file = new MVStore.Builder().fileName(crashed.toString()).open()) {
                assertEquals("latest dial", file.<String, String>openMap("phones").get("+254700000001"),
                        "the forced commit of a later write took the unforced one to disk");
            }
        }
    }

    @Test
    void writersThatArriveDuringAForcedCommitShareTheNextOne() throws Exception {
        CountDownLatch firstForceStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstForce = new CountDownLatch(1);
        AtomicInteger forces = new AtomicInteger();
        GroupCommit commits = new GroupCommit(() -> {
            if (forces.incrementAndGet() == 1) {
                firstForceStarted.countDown();
                await(releaseFirstForce);
            }
        });
        int followers = 8;
        try (ExecutorService writers = Executors.newFixedThreadPool(followers + 1)) {
            Future<?> first = writers.submit(() -> commits.awaitDurable(commits.announce()));
            firstForceStarted.await();
            for (int i = 0; i < followers; i++) {
                writers.submit(() -> commits.awaitDurable(commits.announce()));
            }
            while (commits.waitingWriters() < followers) {
                Thread.onSpinWait();
            }
            releaseFirstForce.countDown();
            first.get();
        }
        assertEquals(2, commits.forcedCommits(), "one commit for the first writer, one for the eight that waited");
    }

    /** The document as a crash at this moment would leave it: a copy of the file, opened as after a crash. */
    private Document inFileAtThisMoment(String collection, String id) throws IOException {
        Path copy = Files.copy(dir.resolve("store.mv"), dir.resolve("crashed.mv"), StandardCopyOption.REPLACE_EXISTING);
        try (MVStore file = new MVStore.Builder().fileName(copy.toString()).open()) {
            MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents = file.openMap(
                    IndexedDatabase.DOCUMENT_MAPS + "afyadial." + collection,
                    new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
            de.bwaldvogel.mongo.bson.Document stored = documents.get(id);
            return stored == null ? null : new Document(stored);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
