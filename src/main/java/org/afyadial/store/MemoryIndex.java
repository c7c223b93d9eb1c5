package org.afyadial.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary (non-unique) index of the embedded server, held in memory and rebuilt from the collection when the
 * server starts. It serves queries that fix its first key or bound it to a range, and, when the first key is fixed,
 * narrows further by a range or value of the second key: {@code {doctorId: d, start: {$lt: t}}} on
 * {@code (doctorId, start)}. A query that is an {@code $or} of such conditions gets the union of their documents. Values are ordered as MongoDB sorts them, so numbers of different types compare equal.
 */
final class MemoryIndex<P> extends Index<P> implements FilledAfterOpening {

    private static final Comparator<Object> ORDER = Comparator.nullsFirst(ValueComparator.ascWithoutListHandling());
    /** Stands for the second key in an index that has only one. */
    private static final Object NO_SECOND_KEY = Boolean.TRUE;

    private final NavigableMap<Object, NavigableMap<Object, Set<P>>> positions = new TreeMap<>(ORDER);
    /** The key values each document was indexed under, so that removing it does not depend on its current state. */
    private final Map<P, Set<KeyValue>> keysOf = new HashMap<>();
    private final Map<Object, P> positionOfId = new HashMap<>();
    private volatile boolean awaitingDocuments;

    /** The indexed fields when all are top-level ones, whose values can be read without the general path walk. */
    private final List<String> topLevelFields;

    MemoryIndex(String name, List<IndexKey> keys) {
        // "sparse" for the collection: a document this index does not know is no inconsistency
        super(name, keys, true);
        List<String> fields = keys.stream().map(IndexKey::getKey).toList();
        this.topLevelFields = fields.stream().anyMatch(field -> field.contains(".")) ? null : fields;
    }

    /** True when the query, or each branch of its {@code $or}, puts a condition on the first key. */
    @Override
    public synchronized boolean canHandle(Document query) {
        List<Document> branches = branches(query);
        return narrows(query) || !branches.isEmpty() && branches.stream().allMatch(this::narrows);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        if (narrows(query)) {
            return positionsFor(query);
        }
        Set<P> union = new LinkedHashSet<>();
        branches(query).forEach(branch -> union.addAll(positionsFor(branch)));
        return union;
    }

    private boolean narrows(Document query) {
        return FieldCondition.in(query, keys().getFirst()).isPresent();
    }

    private static List<Document> branches(Document query) {
        if (query.get("$or") instanceof List<?> branches && branches.stream().allMatch(Document.class::isInstance)) {
            return branches.stream().map(Document.class::cast).toList();
        }
        return List.of();
    }

    private Set<P> positionsFor(Document query) {
        FieldCondition first = FieldCondition.in(query, keys().getFirst()).orElseThrow();
        Optional<FieldCondition> second = keys().size() > 1 && first.isEquality()
                ? FieldCondition.in(query, keys().get(1)) : Optional.empty();
        Set<P> found = new LinkedHashSet<>();
        for (NavigableMap<Object, Set<P>> byFirst : within(positions, first)) {
            for (Set<P> bySecond : second.map(condition -> within(byFirst, condition)).orElse(byFirst.values())) {
                found.addAll(bySecond);
            }
        }
        return found;
    }

    private static <V> Collection<V> within(NavigableMap<Object, V> map, FieldCondition condition) {
        if (condition.isEquality()) {
            return condition.equalTo().stream().map(map::get).filter(value -> value != null).distinct().toList();
        }
        NavigableMap<Object, V> range = map;
        if (condition.lower() != null) {
            range = range.tailMap(condition.lower(), condition.lowerInclusive());
        }
        if (condition.upper() != null) {
            range = range.headMap(condition.upper(), condition.upperInclusive());
        }
        return range.values();
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        index(keyValuesOf(document), position);
        positionOfId.put(document.get("_id"), position);
    }

    /** The document's keys: one per array element when a field holds an array, as MongoDB's multikey indexes. */
    private Set<KeyValue> keyValuesOf(Document document) {
        if (topLevelFields == null) {
            return getKeyValues(document);
        }
        Object[] values = new Object[topLevelFields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = document.get(topLevelFields.get(i));
            if (values[i] instanceof Collection) {
                return getKeyValues(document);
            }
        }
        return Set.of(new KeyValue(values));
    }

    private void index(Set<KeyValue> keyValues, P position) {
        for (KeyValue keyValue : keyValues) {
            positions.computeIfAbsent(keyValue.get(0), first -> new TreeMap<>(ORDER))
                    .computeIfAbsent(second(keyValue), s -> new LinkedHashSet<>())
                    .add(position);
        }
        keysOf.put(position, keyValues);
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionOfId.remove(document.get("_id"));
        if (position != null) {
            forget(position);
        }
        return position;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        Set<KeyValue> keyValues = keyValuesOf(newDocument);
        if (!keyValues.equals(keysOf.get(position))) {
            forget(position);
            index(keyValues, position);
        }
    }

    private void forget(P position) {
        for (KeyValue keyValue : keysOf.remove(position)) {
            NavigableMap<Object, Set<P>> byFirst = positions.get(keyValue.get(0));
            Set<P> bySecond = byFirst.get(second(keyValue));
            bySecond.remove(position);
            if (bySecond.isEmpty()) {
                byFirst.remove(second(keyValue));
                if (byFirst.isEmpty()) {
                    positions.remove(keyValue.get(0));
                }
            }
        }
    }

    private static Object second(KeyValue keyValue) {
        return keyValue.size() > 1 ? keyValue.get(1) : NO_SECOND_KEY;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionOfId.get(document.get("_id"));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: any document may be added
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: any change is allowed
    }

    @Override
    public synchronized boolean isEmpty() {
        return !awaitingDocuments && keysOf.isEmpty();
    }

    @Override
    public void awaitDocuments() {
        awaitingDocuments = true;
    }

    @Override
    public void documentsLoaded() {
        awaitingDocuments = false;
    }

    @Override
    public synchronized long getCount() {
        return keysOf.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        positions.clear();
        keysOf.clear();
        positionOfId.clear();
    }
}
