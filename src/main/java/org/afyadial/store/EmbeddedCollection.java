package org.afyadial.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import org.h2.mvstore.MVMap;

import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An H2 collection whose updates change copies of its documents, never the ones in its map. mongo-java-server
 * applies an update by changing the document it read in place, then putting it back, while H2's background writer
 * may be encoding that very document for the file: when both met, the writer failed and H2 closed the whole store.
 * Reads still hand out the stored documents themselves, as nothing changes those any more. An update changes only
 * the top level of what it read (it computes the new values on a deep copy of its own), so a shallow copy serves.
 *
 * <p>What it keeps are copies whose strings are shared with the other stored documents ({@link SharedStrings}).
 *
 * <p>Nor does it keep the collection's data size up to date: that meant encoding the old and new document to
 * count their bytes, and writing the total to H2, on every write. AfyaDial never asks for it.
 */
final class EmbeddedCollection extends H2Collection {

    private final MVMap<Object, Document> documents;
    /** True while an update runs; written under the collection's lock, which mongo-java-server's updates take. */
    private boolean updating;

    EmbeddedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
        this.documents = documents;
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return whileUpdating(() -> super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        return whileUpdating(() -> super.findAndModify(query));
    }

    private Document whileUpdating(Supplier<Document> update) {
        updating = true;
        try {
            return update.get();
        } finally {
            updating = false;
        }
    }

    /** Keeps the documents in memory only, out of the file (see {@link CollectionIndexes#shortLived}). */
    void keepInMemory() {
        documents.setVolatile(true);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        return super.addDocumentInternal(SharedStrings.INSTANCE.share(document));
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        super.handleUpdate(position, oldDocument, SharedStrings.INSTANCE.share(newDocument));
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected Document getDocument(Object position) {
        return forUse(super.getDocument(position));
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return super.streamAllDocumentsWithPosition()
                .map(found -> new DocumentWithPosition<>(forUse(found.getDocument()), found.getPosition()));
    }

    /**
     * A query no index serves reads every document: an update copies only those that match (matching them twice,
     * as matchDocumentsFromStream checks again, costs less than copying every document).
     */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        if (!updating || naturalDescending(orderBy)) {
            // the latter is served from streamAllDocumentsWithPosition
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> matching = documents.values().stream()
                .filter(document -> documentMatchesQuery(document, query))
                .map(Document::new);
        return matchDocumentsFromStream(matching, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    private Document forUse(Document stored) {
        return updating && stored != null ? new Document(stored) : stored;
    }

    private static boolean naturalDescending(Document orderBy) {
        return orderBy != null && orderBy.get("$natural") instanceof Number order && order.intValue() < 0;
    }
}
