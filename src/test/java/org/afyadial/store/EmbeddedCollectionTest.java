package org.afyadial.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The embedded collections' updates leave the documents in their map alone, since H2's background writer may be
 * encoding them for the file at that moment: an update changes a copy, which then takes the stored one's place.
 */
class EmbeddedCollectionTest {

    private final MongoCollection<Object> things = new IndexedDatabase("probe", new MVStore.Builder().open(), Set.of(), new CursorRegistry())
            .createCollectionOrThrowIfExists("things", CollectionOptions.withDefaults());

    /** Each way an update finds its document: by _id, by a field no index has (a full read), find-and-modify. */
    private static final List<BiConsumer<MongoCollection<Object>, Document>> UPDATES = List.of(
            (c, change) -> c.updateDocuments(new Document("_id", 1), change, ArrayFilters.empty(), false, false, NoopOplog.get()),
            (c, change) -> c.updateDocuments(new Document("n", new Document("$gte", 0)), change, ArrayFilters.empty(), true, false, NoopOplog.get()),
            (c, change) -> c.findAndModify(new Document("query", new Document("_id", 1)).append("update", change)));

    @Test
    void anUpdateReplacesTheStoredDocumentInsteadOfChangingIt() {
        things.addDocument(new Document("_id", 1).append("n", 0).append("nested", new Document("n", 0)));
        for (int i = 0; i < UPDATES.size(); i++) {
            Document stored = things.queryAll().iterator().next();
            Document before = stored.cloneDeeply();

            int n = i + 1;
            UPDATES.get(i).accept(things, new Document("$set", new Document("n", n).append("nested.n", n)));

            assertEquals(before, stored, "update " + i + " changed the stored document in place");
            assertEquals(new Document("_id", 1).append("n", n).append("nested", new Document("n", n)),
                    things.queryAll().iterator().next(), "update " + i + " took effect");
        }
    }
}
