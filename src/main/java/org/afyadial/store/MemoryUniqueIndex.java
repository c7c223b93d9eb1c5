package org.afyadial.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A unique index of the embedded server, held in memory and rebuilt from the collection when the server starts.
 * H2's own keeps its keys in a map that serializes both keys on every comparison, which made each lookup cost
 * more than the rest of the query. It also serves queries that fix its keys among other conditions
 * ({@code {_id: ..., version: ...}}, {@code {$and: [{_id: ...}, ...]}}, {@code {_id: {$eq: ...}}}): it looks the
 * keys up and leaves the rest of the query to the collection.
 */
final class MemoryUniqueIndex<P> extends AbstractUniqueIndex<P> {

    private final Map<KeyValue, P> positions = new ConcurrentHashMap<>();
    /** True while the database opens: then the index passes for filled, see {@link IndexedDatabase}. */
    private final BooleanSupplier databaseOpening;

    MemoryUniqueIndex(String name, List<IndexKey> keys, boolean sparse, BooleanSupplier databaseOpening) {
        super(name, keys, sparse);
        this.databaseOpening = databaseOpening;
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return super.canHandle(query) || keyLookup(query).isPresent();
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        return super.getPositions(super.canHandle(query) ? query : keyLookup(query).orElseThrow());
    }

    /** The query on the keys alone, when it fixes every key: what the index answers. */
    private Optional<Document> keyLookup(Document query) {
        Document lookup = new Document();
        for (String key : keys()) {
            Optional<FieldCondition> condition = FieldCondition.in(query, key).filter(FieldCondition::isEquality);
            if (condition.isEmpty() || (keys().size() > 1 && condition.get().equalTo().size() > 1)) {
                return Optional.empty();
            }
            List<Object> values = condition.get().equalTo();
            lookup.put(key, values.size() == 1 ? values.getFirst() : new Document("$in", values));
        }
        return Optional.of(lookup);
    }

    @Override
    protected P removeDocument(KeyValue keyValue) {
        return positions.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, P position) {
        return positions.putIfAbsent(keyValue, position) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, P>> getIterable() {
        return positions.entrySet();
    }

    @Override
    protected P getPosition(KeyValue keyValue) {
        return positions.get(keyValue);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return !databaseOpening.getAsBoolean() && positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return positions.size();
    }
}
