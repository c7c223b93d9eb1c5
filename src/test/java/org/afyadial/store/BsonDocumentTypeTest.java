package org.afyadial.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.types.Binary;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The embedded store's documents on file: BSON, and nothing else read as a document. */
class BsonDocumentTypeTest {

    @TempDir
    Path dir;

    /** A document with every kind of value AfyaDial stores, and a few more. */
    private static Document everyKind(int id) {
        return new Document("_id", id)
                .append("text", "Achieng Ôtieno ç \u0000 ✓")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 0.1)
                .append("decimal", new Decimal128(new BigDecimal("1500.50")))
                .append("yes", true)
                .append("nothing", null)
                .append("when", new Date(1_779_000_000_000L))
                .append("oid", new ObjectId("65f1c2a4e13b2c0001a1b2c3"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("list", List.of("a", 2, List.of(3L)))
                .append("nested", new Document("reason", "Cough").append("pages", List.of(new Document("n", 1))));
    }

    @Test
    void everyKindOfValueSurvivesARestart() {
        Path file = dir.resolve("store.mv");
        onServer(new EmbeddedBackend(EmbeddedBackend.openFile(file), Set.of()), things -> things.insertMany(List.of(everyKind(1), everyKind(2))));
        onServer(new EmbeddedBackend(EmbeddedBackend.openFile(file), Set.of()), things ->
                assertEquals(List.of(everyKind(1), everyKind(2)), all(things)));

        // written as BSON: H2's default type does not understand them
        try (MVStore raw = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            assertThrows(MVStoreException.class, () -> raw.<Object, Object>openMap("databases.afyadial.things").get(1));
        }
    }

    @Test
    void aDocumentIsWrittenAsBsonAndAValueWrittenOtherwiseRefused() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "s1")
                .append("screen", "CON Choose a time\n1. 08:10").append("hops", 3);

        WriteBuffer bson = new WriteBuffer();
        BsonDocumentType.INSTANCE.write(bson, document);
        ByteBuffer written = bson.getBuffer().flip();
        assertEquals((byte) 0xB5, written.get(0), "BSON values carry their tag");
        assertEquals(document, BsonDocumentType.INSTANCE.read(written));
        assertEquals(0, written.remaining(), "the read takes exactly the value");

        WriteBuffer serialized = new WriteBuffer();
        new ObjectDataType().write(serialized, document);
        assertThrows(IllegalStateException.class, () -> BsonDocumentType.INSTANCE.read(serialized.getBuffer().flip()));
    }

    private static List<Document> all(MongoCollection<Document> things) {
        return things.find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    private static void onServer(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client.getDatabase("afyadial").getCollection("things"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
