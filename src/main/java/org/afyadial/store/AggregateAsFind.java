package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code aggregate} command whose pipeline only filters, sorts and pages ({@code $match}, {@code $sort},
 * {@code $skip}, {@code $limit}, in that order) asks what a {@code find} asks, and Micronaut Data sends such
 * pipelines for every ordered or paged repository query. mongo-java-server feeds a pipeline with every document
 * of the collection, while a {@code find} goes through the indexes: so the embedded server answers these as the
 * equivalent {@code find}. The reply has the same cursor form. The find carries every option the aggregate was
 * given; an aggregate with an option a find does not take the same way is left as it is.
 */
final class AggregateAsFind {

    private static final List<String> STAGE_ORDER = List.of("$match", "$sort", "$skip", "$limit");
    private static final List<String> FIND_FIELDS = List.of("filter", "sort", "skip", "limit");
    /** The fields the rewrite translates. */
    private static final Set<String> TRANSLATED = Set.of("aggregate", "pipeline", "cursor");
    /** Options that mean the same on both commands, carried as they are. */
    private static final Set<String> CARRIED = Set.of("$db", "lsid", "$readPreference", "$clusterTime",
            "collation", "hint", "maxTimeMS", "let", "comment", "readConcern", "allowDiskUse");

    private AggregateAsFind() {
    }

    static Optional<Document> of(Document aggregate) {
        if (!(aggregate.get("aggregate") instanceof String collection) || !(aggregate.get("pipeline") instanceof List<?> pipeline)
                || !(aggregate.get("cursor") instanceof Document cursor) || !Set.of("batchSize").containsAll(cursor.keySet())
                || !aggregate.keySet().stream().allMatch(field -> TRANSLATED.contains(field) || CARRIED.contains(field))) {
            return Optional.empty();
        }
        Document find = new Document("find", collection);
        int next = 0;
        for (Object stage : pipeline) {
            if (!(stage instanceof Document step) || step.size() != 1) {
                return Optional.empty();
            }
            int position = STAGE_ORDER.indexOf(step.keySet().iterator().next());
            if (position < next) {
                return Optional.empty();
            }
            find.put(FIND_FIELDS.get(position), step.values().iterator().next());
            next = position + 1;
        }
        find.putAll(cursor);
        aggregate.forEach((field, value) -> {
            if (CARRIED.contains(field)) {
                find.put(field, value);
            }
        });
        return Optional.of(find);
    }
}
