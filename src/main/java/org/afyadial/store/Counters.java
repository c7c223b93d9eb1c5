package org.afyadial.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.List;
import java.util.stream.LongStream;

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

    /**
     * {@code size} consecutive values, the first returned, for bulk creation: one proposal and one insert of all
     * their {@code counter_values} documents. A value another caller holds makes the whole block draw again (the
     * values of the refused block that were inserted stay unused: a gap, never a value given twice).
     */
    public long nextBlock(String name, int size) {
        while (true) {
            long last = propose(name, size);
            long first = last - size + 1;
            List<Document> values = LongStream.rangeClosed(first, last).mapToObj(v -> new Document("_id", name + "|" + v)).toList();
            try {
                store.collection(VALUES).insertMany(values);
                return first;
            } catch (MongoBulkWriteException e) {
                if (!DuplicateKey.onlyDuplicates(e)) {
                    throw e;
                }
            }
        }
    }

    private long propose(String name) {
        return propose(name, 1);
    }

    private long propose(String name, int size) {
        try {
            Document counter = store.collection(PROPOSALS).findOneAndUpdate(
                    new Document("_id", name),
                    Updates.inc("seq", (long) size),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return ((Number) counter.get("seq")).longValue();
        } catch (MongoException e) {
            rethrowUnlessDuplicate(e); // two first upserts raced: the counter exists now
            return propose(name, size);
        }
    }

    private static void rethrowUnlessDuplicate(MongoException e) {
        if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }
}
