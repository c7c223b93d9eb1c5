package org.afyadial.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micronaut.configuration.mongo.core.DefaultMongoConfiguration;
import io.micronaut.context.ApplicationContext;
import org.afyadial.TestStoreSwitch;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded store's TCP listener has no authentication: it is closed unless AFYADIAL_EMBEDDED_PORT asks
 * for it (before Java 24 the service itself needs it, on a random loopback port).
 */
class EmbeddedListenerTest {

    @Test
    void noListenerUnlessAskedFor() {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
        assumeTrue(InProcessStreams.SUPPORTED, "before Java 24 the service reaches the store through a loopback port");

        try (ApplicationContext context = ApplicationContext.run(Map.of("afyadial.store.in-memory", true))) {
            String uri = context.getBean(DefaultMongoConfiguration.class).getUri();
            assertFalse(uri.contains("127.0.0.1"), uri);
            context.getBean(Store.class).collection("probe").insertOne(new Document("_id", "in-process"));
            assertEquals(1, context.getBean(Store.class).collection("probe").countDocuments());
        }
    }

    @Test
    void theAskedPortServesLocalTools() throws IOException {
        assumeFalse(TestStoreSwitch.usesContainer(), "the test store switch sets mongodb.uri");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }

        try (ApplicationContext context = ApplicationContext.run(Map.of("afyadial.store.in-memory", true,
                "afyadial.store.embedded-port", port));
             MongoClient tool = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            context.getBean(Store.class).collection("probe").insertOne(new Document("_id", "seen"));
            assertEquals(1, tool.getDatabase(EmbeddedMongoConfiguration.DATABASE).getCollection("probe").countDocuments());
        }
    }
}
