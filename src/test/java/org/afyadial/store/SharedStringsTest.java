package org.afyadial.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Stored documents share their field names and the values of fields with few values, and stay equal to what was
 * sent. Each document here is decoded from its own BSON, as the server receives it, so equal strings start out as
 * different objects. Field names are this test's own: the tables are the whole service's.
 */
class SharedStringsTest {

    private final SharedStrings strings = SharedStrings.INSTANCE;

    private static Document outboxMessage(int n) {
        return ServerDocuments.parse("""
                {"_id": %d, "sharedTestStatus": "QUEUED", "sharedTestPhone": "+25470000%04d",
                 "sharedTestSent": {"$date": "2026-11-22T07:00:00Z"}, "sharedTestCount": %d,
                 "sharedTestText": "AfyaDial Clinic: reminder, visit with Dr Achieng on 23 Nov at 09:30",
                 "sharedTestTo": {"sharedTestKind": "SMS", "sharedTestTags": ["urgent", {"sharedTestKind": "SMS"}]}}
                """.formatted(n, n, n));
    }

    @Test
    void aSharedDocumentEqualsTheOriginalInContentAndFieldOrder() {
        Document original = outboxMessage(1);
        Document shared = strings.share(outboxMessage(1));
        assertEquals(original, shared);
        assertEquals(List.copyOf(original.keySet()), List.copyOf(shared.keySet()));
        assertEquals(List.copyOf(((Document) original.get("sharedTestTo")).keySet()),
                List.copyOf(((Document) shared.get("sharedTestTo")).keySet()));
    }

    @Test
    void documentsShareFieldNamesAndTheValuesOfFieldsWithFewValues() {
        Document first = strings.share(outboxMessage(1));
        Document second = strings.share(outboxMessage(2));

        assertSame(nameOf(first, "sharedTestStatus"), nameOf(second, "sharedTestStatus"));
        assertSame(first.get("sharedTestStatus"), second.get("sharedTestStatus"));
        Document firstTo = (Document) first.get("sharedTestTo");
        Document secondTo = (Document) second.get("sharedTestTo");
        assertSame(nameOf(firstTo, "sharedTestKind"), nameOf(secondTo, "sharedTestKind"), "nested documents");
        assertSame(firstTo.get("sharedTestKind"), secondTo.get("sharedTestKind"));
        assertSame(((List<?>) firstTo.get("sharedTestTags")).get(0), ((List<?>) secondTo.get("sharedTestTags")).get(0),
                "lists");
        assertNotSame(first.get("sharedTestText"), second.get("sharedTestText"), "a long text is left alone");
    }

    @Test
    void aFieldWithManyDistinctValuesStopsSharingThem() {
        List<Document> shared = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            shared.add(strings.share(outboxMessage(n)));
        }
        Document again = strings.share(outboxMessage(99));
        assertEquals(shared.get(99).get("sharedTestPhone"), again.get("sharedTestPhone"));
        assertNotSame(shared.get(99).get("sharedTestPhone"), again.get("sharedTestPhone"),
                "the 100th phone number is not kept");
        assertSame(shared.get(0).get("sharedTestPhone"), strings.share(outboxMessage(0)).get("sharedTestPhone"),
                "the first ones stay shared");
    }

    @Test
    void theEmbeddedStoreKeepsSharedDocumentsOnInsertAndUpdate() {
        MongoCollection<Object> outbox = new IndexedDatabase("probe", new MVStore.Builder().open(), Set.of(), new CursorRegistry())
                .createCollectionOrThrowIfExists("outbox", CollectionOptions.withDefaults());
        outbox.addDocument(outboxMessage(1));
        outbox.addDocument(outboxMessage(2));
        assertSame(stored(outbox, 1).get("sharedTestStatus"), stored(outbox, 2).get("sharedTestStatus"), "inserted");

        outbox.updateDocuments(new Document("_id", 2), ServerDocuments.parse("{\"$set\": {\"sharedTestStatus\": \"SENT\"}}"),
                ArrayFilters.empty(), false, false, NoopOplog.get());
        outbox.updateDocuments(new Document("_id", 1), ServerDocuments.parse("{\"$set\": {\"sharedTestStatus\": \"SENT\"}}"),
                ArrayFilters.empty(), false, false, NoopOplog.get());
        assertEquals("SENT", stored(outbox, 1).get("sharedTestStatus"));
        assertSame(stored(outbox, 1).get("sharedTestStatus"), stored(outbox, 2).get("sharedTestStatus"), "updated");
    }

    private static Document stored(MongoCollection<Object> collection, int id) {
        for (Document document : collection.queryAll()) {
            if (document.get("_id").equals(id)) {
                return document;
            }
        }
        throw new AssertionError("no document " + id);
    }

    private static String nameOf(Document document, String name) {
        return document.keySet().stream().filter(name::equals).findFirst().orElseThrow();
    }
}
