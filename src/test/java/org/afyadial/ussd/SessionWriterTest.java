package org.afyadial.ussd;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Concurrent session writes, batched: each caller learns whether its own condition held, whatever else its batch
 * held, and a store error reaches the callers instead of hanging them.
 */
@MicronautTest(transactional = false)
class SessionWriterTest {

    @Inject
    Store store;

    @Inject
    SessionWriter writer;

    private MongoCollection<Document> sessions;

    @BeforeEach
    void emptySessions() {
        sessions = store.collection(SessionStore.SESSIONS);
        sessions.deleteMany(new Document());
    }

    private static Document session(String id, String consumed, int hops) {
        return new Document("_id", id).append("consumed", consumed).append("pending", null).append("hops", hops)
                .append("screen", "screen " + hops);
    }

    private static Bson at(String id, String consumed) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("consumed", consumed));
    }

    @Test
    void eachWriterLearnsWhetherItsOwnConditionHeld() {
        List<Callable<Boolean>> writes = new ArrayList<>();
        List<Boolean> expected = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = "s" + i;
            sessions.insertOne(session(id, "d0", 0));
            boolean current = i % 4 != 0;
            writes.add(() -> writer.replace(id, at(id, current ? "d0" : "stale"), session(id, "d1", 1)));
            expected.add(current);
        }

        assertEquals(expected, AllAtOnce.run(writes));
        for (int i = 0; i < 60; i++) {
            Document stored = sessions.find(Filters.eq("_id", "s" + i)).first();
            assertEquals(i % 4 != 0 ? "d1" : "d0", stored.getString("consumed"), "s" + i);
        }
    }

    @Test
    void ofTwoWritesFromTheSameStateOnlyOneHolds() {
        sessions.insertOne(session("twice", "d0", 0));

        List<Boolean> outcomes = AllAtOnce.run(List.of(
                () -> writer.replace("twice", at("twice", "d0"), session("twice", "left", 1)),
                () -> writer.replace("twice", at("twice", "d0"), session("twice", "right", 1))));

        assertEquals(1, outcomes.stream().filter(held -> held).count(), outcomes.toString());
        String winner = outcomes.get(0) ? "left" : "right";
        assertEquals(winner, sessions.find(Filters.eq("_id", "twice")).first().getString("consumed"));
    }

    @Test
    void aStoreErrorReachesTheCallerAndTheWriterGoesOn() {
        sessions.insertOne(session("broken", "d0", 0));
        // the driver refuses a replacement document with an operator for a field name
        Document invalid = session("broken", "d1", 1).append("$where", "not a field name");

        assertThrows(IllegalArgumentException.class, () -> writer.replace("broken", at("broken", "d0"), invalid));
        assertEquals(true, writer.replace("broken", at("broken", "d0"), session("broken", "d1", 1)));
    }
}
