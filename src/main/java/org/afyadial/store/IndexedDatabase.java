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
 * whole collection), keeps unique keys in H2 maps that serialize keys to compare them, and ignores secondary
 * indexes altogether. Here every index lives in memory, is rebuilt from the documents when the server starts
 * (documents stay in H2), and serves the queries that fix or bound its keys.
 */
final class IndexedDatabase extends H2Database {

    IndexedDatabase(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        return new MemoryUniqueIndex<>(indexName, keys, sparse);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        return new MemoryIndex<>(indexName, keys);
    }
}
