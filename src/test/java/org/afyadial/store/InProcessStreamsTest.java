package org.afyadial.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The driver reaches the embedded server through {@link InProcessStreams}, without any socket: nothing listens on
 * the address the client is given, yet commands, errors, cursors over several batches and bulk writes all work.
 */
class InProcessStreamsTest {

    private final EmbeddedBackend backend = new EmbeddedBackend(new MVStore.Builder().open(), Set.of());
    private final InProcessStreams streams = new InProcessStreams(backend);

    private final MongoClient client = streams.client(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:9/probe"))
            .build());
    private final MongoCollection<Document> things = client.getDatabase("probe").getCollection("things");

    @AfterEach
    void close() {
        client.close();
        backend.close();
    }

    @Test
    void commandsAndTheirAnswersTravelWithoutASocket() {
        things.insertOne(new Document("_id", "a").append("name", "Amina"));

        assertEquals("Amina", things.find(Filters.eq("_id", "a")).first().getString("name"));
        assertEquals(1, things.updateOne(Filters.eq("_id", "a"), new Document("$set", new Document("name", "Baraka")))
                .getModifiedCount());
        assertEquals("Baraka", things.find(Filters.eq("_id", "a")).first().getString("name"));
    }

    @Test
    void anErrorAnswerReachesTheCallerAndTheConnectionGoesOn() {
        things.insertOne(new Document("_id", "a"));

        assertThrows(MongoWriteException.class, () -> things.insertOne(new Document("_id", "a")));
        things.insertOne(new Document("_id", "b"));
        assertEquals(2, things.countDocuments());
    }

    @Test
    void aResultOfManyBatchesIsReadToTheEnd() {
        things.insertMany(IntStream.range(0, 500).mapToObj(i -> new Document("_id", i).append("padding", "x".repeat(500))).toList());

        List<Integer> ids = things.find().sort(new Document("_id", 1)).batchSize(40)
                .map(document -> document.getInteger("_id")).into(new ArrayList<>());
        assertEquals(IntStream.range(0, 500).boxed().toList(), ids);
    }
}
