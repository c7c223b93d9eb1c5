package org.afyadial.store;

import com.mongodb.client.model.IndexModel;

import java.util.List;

/**
 * The indexes one feature needs on one collection, and whether the collection is short-lived. Each feature
 * declares its own bean next to its entities; {@link IndexBootstrap} creates them all at startup. Unique indexes
 * are how invariants (one booking per slot, one message per idempotency key) are kept.
 */
public interface CollectionIndexes {

    String collection();

    List<IndexModel> indexes();

    /**
     * Whether the collection holds state that matters for minutes only and that the service can do without after
     * a restart (USSD sessions). The embedded store keeps such a collection in memory, out of its file; MongoDB
     * stores it as any other.
     */
    default boolean shortLived() {
        return false;
    }
}
