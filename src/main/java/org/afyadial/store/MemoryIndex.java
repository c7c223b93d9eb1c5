package org.afyadial.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.TreeMap;

/**
 * A secondary (non-unique) index of the embedded server, held in memory and rebuilt from the collection when the
 * server starts. It holds the documents' {@code _id}s, which are the positions H2 collections give their indexes.
 * It serves queries that fix its first key or bound it to a range, and, when the first key is fixed, narrows
 * further by a range or value of the second key: {@code {doctorId: d, start: {$lt: t}}} on
 * {@code (doctorId, start)}. A query that is an {@code $or} of such conditions gets the union of their documents.
 * Values are ordered as MongoDB sorts them, so numbers of different types compare equal. A sparse index leaves out
 * documents that have none of its fields (rather than holding them all under null), as in MongoDB; it may also leave
 * out those where all are null, as the conditions it serves never match null.
 */
final class MemoryIndex<P> extends Index<P> {

    private static final Comparator<Object> MONGODB_ORDER = ValueComparator.ascWithoutListHandling();
    /**
     * MongoDB's order of values. Two strings, or two dates, compare as ValueComparator compares them, without its
     * checks for every type first: most keys are one or the other, and each index write makes a dozen comparisons.
     */
    private static final Comparator<Object> ORDER = Comparator.nullsFirst((a, b) ->
            a instanceof String x && b instanceof String y ? x.compareTo(y)
                    : a instanceof Instant x && b instanceof Instant y ? x.compareTo(y)
                    : MONGODB_ORDER.compare(a, b));
    /** Stands for the second key in an index that has only one. */
    private static final Object NO_SECOND_KEY = Boolean.TRUE;

    /** First key, then second key, then the position of the one document there, or a {@link Positions} of several. */
    private final NavigableMap<Object, NavigableMap<Object, Object>> entries = new TreeMap<>(ORDER);
    /** The indexed fields when all are top-level ones, whose values can be read without the general path walk. */
    private final List<String> topLevelFields;
    private long documents;
    /** True while the database opens: then the index passes for filled, see {@link IndexedDatabase}. */
    private final BooleanSupplier databaseOpening;
    private final boolean declaredSparse;

    MemoryIndex(String name, List<IndexKey> keys, boolean sparse, BooleanSupplier databaseOpening) {
        // "sparse" for the collection: a document this index does not know is no inconsistency
        super(name, keys, true);
        this.declaredSparse = sparse;
        this.databaseOpening = databaseOpening;
        List<String> fields = keys.stream().map(IndexKey::getKey).toList();
        this.topLevelFields = fields.stream().anyMatch(field -> field.contains(".")) ? null : fields;
    }

    /** Several documents under the same keys. */
    private static final class Positions extends LinkedHashSet<Object> {
    }

    /** True when the query, or each branch of its {@code $or}, puts a condition on the first key. */
    @Override
    public synchronized boolean canHandle(Document query) {
        List<Document> branches = branches(query);
        return narrows(query) || !branches.isEmpty() && branches.stream().allMatch(this::narrows);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<Object> found = new LinkedHashSet<>();
        if (narrows(query)) {
            collect(query, found);
        } else {
            branches(query).forEach(branch -> collect(branch, found));
        }
        @SuppressWarnings("unchecked")
        Iterable<P> positions = (Iterable<P>) (Iterable<?>) found;
        return positions;
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

    private void collect(Document query, Set<Object> found) {
        FieldCondition first = FieldCondition.in(query, keys().getFirst()).orElseThrow();
        Optional<FieldCondition> second = keys().size() > 1 && first.isEquality()
                ? FieldCondition.in(query, keys().get(1)) : Optional.empty();
        for (NavigableMap<Object, Object> byFirst : within(entries, first)) {
            for (Object leaf : second.map(condition -> within(byFirst, condition)).orElse(byFirst.values())) {
                if (leaf instanceof Positions several) {
                    found.addAll(several);
                } else {
                    found.add(leaf);
                }
            }
        }
    }

    private static <V> Collection<V> within(NavigableMap<Object, V> map, FieldCondition condition) {
        if (condition.isEquality()) {
            // an entry met twice (a repeated key, or 1 and 1.0) adds nothing: the positions are gathered in a set
            return condition.equalTo().stream().map(map::get).filter(Objects::nonNull).toList();
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
        if (!position.equals(document.get("_id"))) {
            throw new IllegalStateException("The embedded store no longer positions documents by _id in " + collection);
        }
        keyValuesOf(document).forEach(keyValue -> put(keyValue, position));
        documents++;
    }

    @Override
    public synchronized P remove(Document document) {
        Object position = document.get("_id");
        keyValuesOf(document).forEach(keyValue -> take(keyValue, position));
        documents--;
        // the _id index tells the collection where the document is
        return null;
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        Set<KeyValue> before = keyValuesOf(oldDocument);
        Set<KeyValue> after = keyValuesOf(newDocument);
        if (!before.equals(after)) {
            before.forEach(keyValue -> take(keyValue, position));
            after.forEach(keyValue -> put(keyValue, position));
        }
    }

    private void put(KeyValue keyValue, Object position) {
        entries.computeIfAbsent(keyValue.get(0), first -> new TreeMap<>(ORDER))
                .merge(second(keyValue), position, MemoryIndex::joined);
    }

    private void take(KeyValue keyValue, Object position) {
        NavigableMap<Object, Object> byFirst = entries.get(keyValue.get(0));
        if (byFirst == null) {
            return;
        }
        byFirst.computeIfPresent(second(keyValue), (key, leaf) -> without(leaf, position));
        if (byFirst.isEmpty()) {
            entries.remove(keyValue.get(0));
        }
    }

    private static Object joined(Object leaf, Object position) {
        if (leaf instanceof Positions several) {
            several.add(position);
            return several;
        }
        if (leaf.equals(position)) {
            return leaf;
        }
        Positions several = new Positions();
        several.add(leaf);
        several.add(position);
        return several;
    }

    /** The leaf without the position, or null when nothing is left (which removes the entry). */
    private static Object without(Object leaf, Object position) {
        if (!(leaf instanceof Positions several)) {
            return leaf.equals(position) ? null : leaf;
        }
        several.remove(position);
        return several.size() == 1 ? several.iterator().next() : several;
    }

    /**
     * The document's keys: one per array element when a field holds an array, as MongoDB's multikey indexes;
     * none when the index is sparse and the document has none of its fields.
     */
    private Set<KeyValue> keyValuesOf(Document document) {
        if (declaredSparse && hasNoneOfTheFields(document)) {
            return Set.of();
        }
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

    private boolean hasNoneOfTheFields(Document document) {
        return keys().stream().allMatch(key -> Missing.isNullOrMissing(Utils.getSubdocumentValue(document, key)));
    }

    private static Object second(KeyValue keyValue) {
        return keyValue.size() > 1 ? keyValue.get(1) : NO_SECOND_KEY;
    }

    @Override
    public P getPosition(Document document) {
        // not unique: keys do not name one document
        return null;
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
        return !databaseOpening.getAsBoolean() && documents == 0;
    }

    @Override
    public synchronized long getCount() {
        return documents;
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        documents = 0;
    }
}
