package org.afyadial.store;

import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a query requires of one field, as far as an index can use it: the values it must equal, or the range it must
 * fall in. Read from the query's top level and its top-level {@code $and}, where every condition must hold, so the
 * documents an index finds for it are a superset of the answer; the collection still checks the whole query.
 * Conditions an index cannot narrow by ({@code null}, arrays, sub-documents, regular expressions) are left out.
 */
record FieldCondition(List<Object> equalTo, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

    boolean isEquality() {
        return equalTo != null;
    }

    static Optional<FieldCondition> in(Document query, String field) {
        Object value = query.get(field);
        Optional<FieldCondition> found = value == null ? Optional.empty() : of(value);
        if (found.isPresent() || !(query.get("$and") instanceof Collection<?> clauses)) {
            return found;
        }
        return clauses.stream()
                .filter(Document.class::isInstance)
                .map(clause -> in((Document) clause, field))
                .flatMap(Optional::stream)
                .findFirst();
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
