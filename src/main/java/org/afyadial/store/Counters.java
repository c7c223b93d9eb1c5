package org.afyadial.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;

/**
 * Named sequences (1, 2, 3...), one {@code counters} document each, advanced by an {@code $inc} in one
 * findOneAndUpdate. That is atomic on MongoDB, and on the embedded store, whose collections run each write under
 * their own lock ({@code MongoJavaServerInternalsTest}): no value is ever handed out twice. The increment is a
 * durable write like any other, so a value given to a record that was acknowledged is never given again after a
 * crash; a value drawn by a write that did not complete is a gap.
 */
@Singleton
public class Counters {

    private static final String COUNTERS = "counters";

    private final Store store;

    Counters(Store store) {
        this.store = store;
    }

    public long next(String name) {
        return nextBlock(name, 1);
    }

    /** {@code size} consecutive values, the first returned, for bulk creation. */
    public long nextBlock(String name, int size) {
        return advance(name, size) - size + 1;
    }

    /** The counter's value after adding {@code size}: the last value of the block. */
    private long advance(String name, int size) {
        try {
            Document counter = store.collection(COUNTERS).findOneAndUpdate(
                    new Document("_id", name),
                    Updates.inc("seq", (long) size),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return ((Number) counter.get("seq")).longValue();
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return advance(name, size); // two first upserts raced: the counter exists now
        }
    }
}
