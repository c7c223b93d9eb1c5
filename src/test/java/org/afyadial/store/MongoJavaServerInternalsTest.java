package org.afyadial.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.afyadial.AllAtOnce;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the embedded store assumes of mongo-java-server's internals, checked on their own so that an upgrade that
 * changes one fails here, by name: the order of the H2 backend's and database's constructor calls
 * ({@link EmbeddedBackend}, {@link IndexedDatabase} override them), and the collection lock that
 * {@link EmbeddedCollection}'s update flag and single-document atomicity rely on.
 */
class MongoJavaServerInternalsTest {

    @TempDir
    Path dir;

    /** Filled by the constructors below while their superclass constructor runs. */
    private static final List<String> calledWhileConstructing = new ArrayList<>();

    private static final class RecordingBackend extends H2Backend {
        private final boolean constructed;

        RecordingBackend(MVStore store) {
            super(store);
            constructed = true;
        }

        @Override
        public MongoDatabase resolveDatabase(String databaseName) {
            if (!constructed) {
                calledWhileConstructing.add("resolveDatabase " + databaseName);
            }
            return super.resolveDatabase(databaseName);
        }
    }

    private static final class RecordingDatabase extends H2Database {
        private final boolean constructed;

        RecordingDatabase(MVStore store) {
            super("afyadial", store, new CursorRegistry());
            constructed = true;
        }

        @Override
        protected void initializeNamespacesAndIndexes() {
            if (!constructed) {
                calledWhileConstructing.add("initializeNamespacesAndIndexes");
            }
        }
    }

    @Test
    void theBackendsConstructorOpensTheFilesDatabasesBeforeASubclassIsSet() {
        Path file = dir.resolve("store.mv");
        H2Backend writer = new H2Backend(MVStore.open(file.toString()));
        onServer(writer, client -> client.getDatabase("afyadial").getCollection("things").insertOne(new Document("_id", 1)));
        calledWhileConstructing.clear();

        new RecordingBackend(MVStore.open(file.toString())).close();

        assertEquals(List.of("resolveDatabase afyadial"), calledWhileConstructing);
    }

    @Test
    void theDatabasesConstructorOpensItsNamespacesAndIndexesBeforeASubclassIsSet() {
        calledWhileConstructing.clear();
        try (MVStore store = new MVStore.Builder().open()) {
            new RecordingDatabase(store);
        }
        assertEquals(List.of("initializeNamespacesAndIndexes"), calledWhileConstructing);
    }

    @Test
    void aCollectionsReadsAndWritesRunUnderTheCollectionsOwnLock() {
        assertTrue(AbstractSynchronizedMongoCollection.class.isAssignableFrom(H2Collection.class));
        Set<String> synchronizedMethods = Arrays.stream(AbstractSynchronizedMongoCollection.class.getDeclaredMethods())
                .filter(method -> Modifier.isSynchronized(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName).collect(Collectors.toSet());
        assertTrue(synchronizedMethods.containsAll(Set.of("addDocument", "insertDocuments", "findAndModify",
                "updateDocuments", "deleteDocuments", "handleQuery")), synchronizedMethods.toString());
    }

    /**
     * With that lock an {@code $inc} through findOneAndUpdate hands each value once, as on MongoDB: {@link Counters}'
     * single counter document relies on it.
     */
    @Test
    void concurrentIncrementsOfOneCounterEachGetTheirOwnValue() {
        EmbeddedBackend backend = new EmbeddedBackend(new MVStore.Builder().open(), Set.of());
        onServer(backend, client -> {
            MongoCollection<Document> counters = client.getDatabase("afyadial").getCollection("counters");
            counters.insertOne(new Document("_id", "patients").append("seq", 0L));

            List<Long> values = AllAtOnce.run(200, () -> counters.findOneAndUpdate(new Document("_id", "patients"),
                    Updates.inc("seq", 1L), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("seq"));

            assertEquals(200, new HashSet<>(values).size(), "every value handed once");
        });
    }

    private static void onServer(H2Backend backend, Consumer<MongoClient> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client);
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
