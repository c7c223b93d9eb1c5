package org.afyadial.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * An H2 database of the embedded server whose indexes narrow queries the way MongoDB's do. Out of the box,
 * mongo-java-server uses a unique index only for a query on exactly its keys (so {@code {_id, version}} reads the
 * whole collection), keeps unique keys in H2 maps that serialize keys to compare them, and ignores secondary
 * indexes altogether. Here every index lives in memory, is rebuilt from the documents when the server starts
 * (documents stay in H2), and serves the queries that fix or bound its keys.
 */
final class IndexedDatabase extends H2Database {

    /** A collection's documents live in the map {@code databases.<database>.<collection>}, as H2Database names it. */
    static final String DOCUMENT_MAPS = "databases.";

    private final MVStore store;
    /** The short-lived collections, kept in memory only ({@link EmbeddedCollection#keepInMemory}). */
    private final Set<String> shortLived;
    /** The indexes opened while the database opens, by collection, filled afterwards in one read of each; null once open. */
    private Map<String, List<Index<Object>>> opening = new LinkedHashMap<>();

    IndexedDatabase(String databaseName, MVStore store, Set<String> shortLived, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        this.shortLived = Set.copyOf(shortLived);
        super.initializeNamespacesAndIndexes();
        Map<String, List<Index<Object>>> opened = opening;
        opening = null;
        opened.forEach(this::fill);
    }

    /** H2Database's constructor calls this before the fields of this class are set: this class's constructor does it. */
    @Override
    protected void initializeNamespacesAndIndexes() {
    }

    /**
     * As H2Database opens a collection, but with its documents written as BSON ({@link BsonDocumentType}) and
     * handed out as copies ({@link EmbeddedCollection}).
     */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> documents = store.openMap(DOCUMENT_MAPS + namespace,
                new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> meta = store.openMap("meta." + namespace);
        EmbeddedCollection collection = new EmbeddedCollection(this, collectionName, options, documents, meta, cursorRegistry);
        if (shortLived.contains(collectionName)) {
            collection.keepInMemory();
        }
        return collection;
    }

    private void fill(String collectionName, List<Index<Object>> indexes) {
        MongoCollection<Object> collection = resolveCollection(collectionName, true);
        for (Document document : collection.queryAll()) {
            // H2Collection keys its documents by _id: that is the position the collection gives its indexes
            Object position = Objects.requireNonNull(document.get("_id"), () -> "a document without _id in " + collectionName);
            indexes.forEach(index -> index.add(document, position, collection));
        }
    }

    private Index<Object> opened(String collectionName, Index<Object> index) {
        if (opening != null && !isSystem(collectionName)) {
            opening.computeIfAbsent(collectionName, name -> new ArrayList<>()).add(index);
        }
        return index;
    }

    /** Tells an index whether its database is still opening; a system collection's are filled the usual way. */
    private BooleanSupplier stillOpening(String collectionName) {
        return isSystem(collectionName) ? () -> false : () -> opening != null;
    }

    /** Documents of system collections need not have an _id. */
    private static boolean isSystem(String collectionName) {
        return collectionName.startsWith("system.");
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return opened(collectionName, new MemoryUniqueIndex<>(indexName, keys, sparse, stillOpening(collectionName)));
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return opened(collectionName, new MemoryIndex<>(indexName, keys, sparse, stillOpening(collectionName)));
    }
}
