package org.afyadial.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A short-lived collection of the embedded store: served as any other, kept in memory only, never in the file. */
class ShortLivedCollectionTest {

    private static final Set<String> SESSIONS_SHORT_LIVED = Set.of("sessions");

    @TempDir
    Path dir;

    @Test
    void itIsServedLikeAnyOtherButOnlyTheOtherCollectionsSurviveARestart() {
        onServer(SESSIONS_SHORT_LIVED, db -> {
            db.getCollection("sessions").createIndex(Indexes.ascending("phone"));
            db.getCollection("sessions").insertMany(List.of(session("s1", "+254700000001"), session("s2", "+254700000002")));
            db.getCollection("sessions").updateOne(Filters.eq("_id", "s1"), Updates.set("state", "book.day"));
            db.getCollection("records").insertOne(new Document("_id", "r1"));

            assertEquals(List.of(session("s1", "+254700000001").append("state", "book.day")),
                    find(db, "sessions", Filters.eq("phone", "+254700000001")));
        });

        onServer(SESSIONS_SHORT_LIVED, db -> {
            assertEquals(List.of(), find(db, "sessions", new Document()));
            assertEquals(List.of(), find(db, "sessions", Filters.eq("phone", "+254700000001")), "its index is empty too");
            assertEquals(List.of(new Document("_id", "r1")), find(db, "records", new Document()));
            db.getCollection("sessions").insertOne(session("s3", "+254700000003"));
            assertEquals(1, db.getCollection("sessions").countDocuments(Filters.eq("phone", "+254700000003")));
        });

        try (MVStore file = new MVStore.Builder().fileName(file().toString()).readOnly().open()) {
            assertTrue(documents(file, "sessions").isEmpty(), "no session reached the file");
            assertEquals(1, documents(file, "records").size());
        }
    }

    private static Document session(String id, String phone) {
        return new Document("_id", id).append("phone", phone).append("state", "main");
    }

    private static List<Document> find(MongoDatabase db, String collection, org.bson.conversions.Bson filter) {
        return db.getCollection(collection).find(filter).into(new ArrayList<>());
    }

    private static MVMap<Object, de.bwaldvogel.mongo.bson.Document> documents(MVStore file, String collection) {
        return file.openMap("databases.afyadial." + collection,
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
    }

    private Path file() {
        return dir.resolve("store.mv");
    }

    private void onServer(Set<String> shortLived, Consumer<MongoDatabase> work) {
        EmbeddedBackend backend = new EmbeddedBackend(EmbeddedBackend.openFile(file()), shortLived);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort())) {
            work.accept(client.getDatabase("afyadial"));
        } finally {
            server.shutdownNow();
            backend.close();
        }
    }
}
