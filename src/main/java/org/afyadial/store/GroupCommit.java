package org.afyadial.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable before they are acknowledged, one disk flush for many writes: a writer whose change is in
 * the store's memory calls {@link #awaitDurable()}, which returns once a commit that includes the change has been
 * forced to disk. Writers that arrive while a commit is being forced wait for it to end, and the first of them then
 * commits and forces for all of them: under load one fsync serves every write that came in during the previous one.
 */
final class GroupCommit {

    /** Commits what is in memory and forces it to disk. */
    private final Runnable commitAndForce;
    /** Writes announced so far; a write takes its number once its change is in memory. */
    private final AtomicLong announced = new AtomicLong();
    /** Held by the writer that commits and forces for everyone waiting. */
    private final ReentrantLock committing = new ReentrantLock();
    /** Every write numbered up to this one is on disk; written under {@link #committing}. */
    private long durable;
    private final AtomicLong forced = new AtomicLong();

    GroupCommit(Runnable commitAndForce) {
        this.commitAndForce = commitAndForce;
    }

    /** Returns once the caller's change, already in memory, is committed and on disk. */
    void awaitDurable() {
        long mine = announced.incrementAndGet();
        committing.lock();
        try {
            if (durable >= mine) {
                return; // the commit forced while this writer waited included its change
            }
            long covered = announced.get(); // each of these writes was in memory before it took its number
            commitAndForce.run();
            forced.incrementAndGet();
            durable = covered;
        } finally {
            committing.unlock();
        }
    }

    /** How many commits were forced: fewer than the writes when writes shared them. */
    long forcedCommits() {
        return forced.get();
    }

    /** How many writers wait for the commit being forced. */
    int waitingWriters() {
        return committing.getQueueLength();
    }
}
