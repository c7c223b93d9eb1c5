package org.afyadial.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

import java.util.Optional;

/**
 * A unique index of the embedded server that also serves queries fixing its keys among other conditions
 * ({@code {_id: ..., version: ...}}, {@code {$and: [{_id: ...}, ...]}}, {@code {_id: {$eq: ...}}}): it looks up
 * the keys and leaves the rest of the query to the collection. Everything else is the wrapped index's.
 */
final class UniqueKeyLookup<P> extends Index<P> {

    private final Index<P> index;

    UniqueKeyLookup(Index<P> index, boolean sparse) {
        super(index.getName(), index.getKeys(), sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || keyLookup(query).isPresent();
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(keyLookup(query).orElseThrow());
    }

    /** The query on the keys alone, when it fixes every key: what the wrapped index answers. */
    private Optional<Document> keyLookup(Document query) {
        Document lookup = new Document();
        for (String key : keys()) {
            Optional<FieldCondition> condition = FieldCondition.in(query, key).filter(FieldCondition::isEquality);
            if (condition.isEmpty() || (keys().size() > 1 && condition.get().equalTo().size() > 1)) {
                return Optional.empty();
            }
            var values = condition.get().equalTo();
            lookup.put(key, values.size() == 1 ? values.getFirst() : new Document("$in", values));
        }
        return Optional.of(lookup);
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public void drop() {
        index.drop();
    }
}
