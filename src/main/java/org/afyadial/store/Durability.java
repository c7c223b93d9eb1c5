package org.afyadial.store;

import java.util.function.Supplier;

/**
 * Acknowledges the several writes of one operation together. On the embedded store each write is forced to disk
 * before it answers, and an operation that writes one document after another (a booking: slot, appointment, bill,
 * messages, audit) would wait for the disk once per write; inside {@link #together} its writes answer at once and
 * the operation returns once all of them are on disk, so whoever acknowledges its result still finds it stored
 * after a crash. On a real MongoDB each write already waits for its write concern, and this changes nothing.
 */
public final class Durability {

    private Durability() {
    }

    /** Runs {@code operation}; returns (or throws) only once every write it made on this thread is on disk. */
    public static <T> T together(Supplier<T> operation) {
        return DurableWrites.together(operation);
    }

    /**
     * Runs writes that answer without waiting for the disk, for records nobody is told about and whose loss in a
     * crash costs nothing: whatever follows from them and matters (a booking, a call to a provider) makes a
     * durable write after them, and the store commits everything written before a commit at once, these included.
     * Without such a later write they still reach the file within H2's write delay. On a real MongoDB nothing changes.
     */
    public static <T> T unforced(Supplier<T> writes) {
        return DurableWrites.unforced(writes);
    }
}
