package org.afyadial.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a query requires of one field, as far as an index can use it: the values it must equal, or the range it must
 * fall in. Read from the query's top level and its {@code $and} clauses, where every condition must hold, so the
 * documents an index finds for it are a superset of the answer; the collection still checks the whole query.
 * Conditions an index cannot narrow by ({@code null}, arrays, sub-documents, regular expressions) are left out.
 */
record FieldCondition(List<Object> equalTo, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

    private static final Comparator<Object> ORDER = ValueComparator.ascWithoutListHandling();

    boolean isEquality() {
        return equalTo != null;
    }

    static Optional<FieldCondition> in(Document query, String field) {
        List<FieldCondition> found = new ArrayList<>();
        collect(query, field, found);
        return found.stream().filter(FieldCondition::isEquality).findFirst()
                .or(() -> found.stream().reduce(FieldCondition::within));
    }

    private static void collect(Document query, String field, List<FieldCondition> found) {
        Object value = query.get(field);
        if (value != null) {
            of(value).ifPresent(found::add);
        }
        if (query.get("$and") instanceof Collection<?> clauses) {
            clauses.stream().filter(Document.class::isInstance).forEach(clause -> collect((Document) clause, field, found));
        }
    }

    /** Both ranges at once ({@code {$and: [{start: {$gt: a}}, {start: {$lt: b}}]}}): the higher lower bound, the lower upper one. */
    private FieldCondition within(FieldCondition other) {
        boolean otherLower = lower == null || other.lower != null && ORDER.compare(other.lower, lower) > 0;
        boolean otherUpper = upper == null || other.upper != null && ORDER.compare(other.upper, upper) < 0;
        return new FieldCondition(null,
                otherLower ? other.lower : lower, otherLower ? other.lowerInclusive : lowerInclusive,
                otherUpper ? other.upper : upper, otherUpper ? other.upperInclusive : upperInclusive);
    }

    private static Optional<FieldCondition> of(Object value) {
        if (isPlain(value)) {
            return Optional.of(equality(List.of(value)));
        }
        if (!(value instanceof Document operators) || BsonRegularExpression.isRegularExpression(value)) {
            return Optional.empty();
        }
        if (isPlain(operators.get("$eq"))) {
            return Optional.of(equality(List.of(operators.get("$eq"))));
        }
        if (operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(FieldCondition::isPlain)) {
            return Optional.of(equality(List.copyOf(values)));
        }
        return range(operators);
    }

    private static Optional<FieldCondition> range(Document operators) {
        Object lower = bound(operators, "$gte", "$gt");
        Object upper = bound(operators, "$lte", "$lt");
        if (lower == null && upper == null) {
            return Optional.empty();
        }
        return Optional.of(new FieldCondition(null, lower, !operators.containsKey("$gt"), upper,
                !operators.containsKey("$lt")));
    }

    private static Object bound(Document operators, String inclusive, String exclusive) {
        Object value = operators.containsKey(exclusive) ? operators.get(exclusive) : operators.get(inclusive);
        return isPlain(value) ? value : null;
    }

    private static FieldCondition equality(List<Object> values) {
        return new FieldCondition(values, null, false, null, false);
    }

    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
