package org.afyadial.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;

/** Recognises a write refused by a unique index, the signal that another request got there first. */
public final class DuplicateKey {

    private DuplicateKey() {
    }

    /** Searches the whole cause chain: Micronaut Data wraps the driver's exception. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoException mongo && ErrorCategory.fromErrorCode(mongo.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** Whether every write a bulk insert refused was refused by a unique index: the rest went in. */
    public static boolean onlyDuplicates(MongoBulkWriteException failure) {
        return failure.getWriteErrors().stream().allMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
}
