package org.afyadial.store;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * An H2 database of the embedded server whose indexes narrow queries the way MongoDB's do. Out of the box,
 * mongo-java-server uses a unique index only for a query on exactly its keys (so {@code {_id, version}} reads the
 * whole collection) and ignores secondary indexes altogether; here unique indexes serve any query that fixes their
 * keys, and secondary indexes are kept in memory (rebuilt from the data when the server starts).
 */
final class IndexedDatabase extends H2Database {

    IndexedDatabase(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new UniqueKeyLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new MemoryIndex<>(indexName, keys);
    }
}
