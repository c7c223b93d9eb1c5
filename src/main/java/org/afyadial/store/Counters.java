package org.afyadial.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

/**
 * Named sequences (1, 2, 3...). The {@code counters} document proposes the next value with an
 * {@code $inc}; the value is only handed out once its {@code counter_values} document
 * ({@code _id} {@code name|value}) is inserted. On MongoDB the {@code $inc} alone is atomic; the
 * embedded server can hand the same value to two concurrent callers, and then the unique
 * {@code _id} makes the loser draw again. Either way no value is ever given twice.
 */
@Singleton
public class Counters {

    private static final String PROPOSALS = "counters";
    private static final String VALUES = "counter_values";

    private final Store store;

    Counters(Store store) {
        this.store = store;
    }

    public long next(String name) {
        while (true) {
            long candidate = propose(name);
            try {
                store.collection(VALUES).insertOne(new Document("_id", name + "|" + candidate));
                return candidate;
            } catch (MongoException e) {
                rethrowUnlessDuplicate(e);
            }
        }
    }

    private long propose(String name) {
        try {
            Document counter = store.collection(PROPOSALS).findOneAndUpdate(
                    new Document("_id", name),
                    Updates.inc("seq", 1L),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return ((Number) counter.get("seq")).longValue();
        } catch (MongoException e) {
            rethrowUnlessDuplicate(e); // two first upserts raced: the counter exists now
            return propose(name);
        }
    }

    private static void rethrowUnlessDuplicate(MongoException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }
}
