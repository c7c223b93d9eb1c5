package org.afyadial.store;

import com.mongodb.client.model.IndexModel;

import java.util.List;

/**
 * The indexes one feature needs on one collection. Each feature declares its own bean next to
 * its entities; {@link IndexBootstrap} creates them all at startup. Unique indexes are how
 * invariants (one booking per slot, one message per idempotency key) are kept.
 */
public interface CollectionIndexes {

    String collection();

    List<IndexModel> indexes();
}
