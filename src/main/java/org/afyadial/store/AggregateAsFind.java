package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;
import java.util.Optional;

/**
 * An {@code aggregate} command whose pipeline only filters, sorts and pages ({@code $match}, {@code $sort},
 * {@code $skip}, {@code $limit}, in that order) asks what a {@code find} asks, and Micronaut Data sends such
 * pipelines for every ordered or paged repository query. mongo-java-server feeds a pipeline with every document
 * of the collection, while a {@code find} goes through the indexes: so the embedded server answers these as the
 * equivalent {@code find}. The reply has the same cursor form.
 */
final class AggregateAsFind {

    private static final List<String> STAGE_ORDER = List.of("$match", "$sort", "$skip", "$limit");
    private static final List<String> FIND_FIELDS = List.of("filter", "sort", "skip", "limit");

    private AggregateAsFind() {
    }

    static Optional<Document> of(Document aggregate) {
        if (!(aggregate.get("aggregate") instanceof String collection) || !(aggregate.get("pipeline") instanceof List<?> pipeline)
                || aggregate.containsKey("explain")) {
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
        if (aggregate.get("cursor") instanceof Document cursor && cursor.containsKey("batchSize")) {
            find.put("batchSize", cursor.get("batchSize"));
        }
        for (String carried : List.of("$db", "lsid")) {
            if (aggregate.containsKey(carried)) {
                find.put(carried, aggregate.get(carried));
            }
        }
        return Optional.of(find);
    }
}
