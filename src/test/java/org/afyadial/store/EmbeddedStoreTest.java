package org.afyadial.store;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micronaut.configuration.mongo.core.DefaultMongoConfiguration;
import io.micronaut.context.ApplicationContext;
import org.afyadial.TestStoreSwitch;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store switch: embedded H2-backed server without a URI, reached in-process by the service, the given server
 * with one.
 */
class EmbeddedStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void withoutUriTheEmbeddedServerPersistsAcrossRestarts() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
        Map<String, Object> fileStore = Map.of("afyadial.data-dir", dataDir.toString(), "afyadial.store.in-memory", false);

        try (ApplicationContext first = ApplicationContext.run(fileStore)) {
            assertInstanceOf(EmbeddedMongoConfiguration.class, first.getBean(DefaultMongoConfiguration.class));
            assertTrue(first.getBean(DefaultMongoConfiguration.class).getUri().endsWith("/" + EmbeddedMongoConfiguration.DATABASE));
            first.getBean(Store.class).collection("restart_probe").insertOne(new Document("_id", "kept"));
        }
        assertTrue(Files.exists(dataDir.resolve("afyadial.mv")), "the H2 file lives in the data directory");

        try (ApplicationContext second = ApplicationContext.run(fileStore)) {
            assertEquals(1, second.getBean(Store.class).collection("restart_probe").countDocuments(new Document("_id", "kept")));
        }
    }

    @Test
    void ussdSessionsAreKeptInMemoryOnlyAndThePhonesOnFile() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
        Map<String, Object> fileStore = Map.of("afyadial.data-dir", dataDir.toString(), "afyadial.store.in-memory", false);

        try (ApplicationContext first = ApplicationContext.run(fileStore)) {
            first.getBean(Store.class).collection("ussd_sessions").insertOne(new Document("_id", "ATUid_1"));
            first.getBean(Store.class).collection("ussd_phones").insertOne(new Document("_id", "+254700000001"));
        }

        try (ApplicationContext second = ApplicationContext.run(fileStore)) {
            assertEquals(0, second.getBean(Store.class).collection("ussd_sessions").countDocuments());
            assertEquals(1, second.getBean(Store.class).collection("ussd_phones").countDocuments());
        }
    }

    @Test
    void theServiceReachesTheEmbeddedServerWithoutASocket() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
        assumeTrue(InProcessStreams.SUPPORTED, "before Java 24 the service goes through the socket");
        try (ApplicationContext context = ApplicationContext.run(Map.of("afyadial.store.in-memory", true))) {
            // a host name that resolves nowhere: only the in-process streams reach it
            assertEquals(new ConnectionString(context.getBean(DefaultMongoConfiguration.class).getUri()).getHosts(),
                    List.of(EmbeddedMongoConfiguration.IN_PROCESS_HOST));
            context.getBean(Store.class).collection("stream_probe").insertOne(new Document("_id", 1));
            assertEquals(1, context.getBean(Store.class).collection("stream_probe").countDocuments());
        }
    }

    @Test
    void withUriTheConfiguredServerIsUsedAndNoEmbeddedOneStarts() {
        MongoServer external = new MongoServer(new MemoryBackend());
        String uri = "mongodb://127.0.0.1:" + external.bind().getPort() + "/clinic_prod";
        try (ApplicationContext context = ApplicationContext.run(Map.of("mongodb.uri", uri))) {
            assertFalse(context.containsBean(EmbeddedMongoConfiguration.class));
            Store store = context.getBean(Store.class);
            assertEquals("clinic_prod", store.database().getName());
            store.collection("switch_probe").insertOne(new Document("_id", 1));
        } finally {
            external.shutdownNow();
        }
    }
}
