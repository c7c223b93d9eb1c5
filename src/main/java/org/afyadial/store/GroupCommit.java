package org.afyadial.store;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes writes durable before they are acknowledged, one disk flush for many writes: a writer whose change is in
 * the store's memory takes a number ({@link #announce()}) and waits on it ({@link #awaitDurable(long)}) until a
 * commit that includes the change has been forced to disk. Writers that arrive while a commit is being forced wait for it to end, and one of them then
 * commits and forces for all of them: under load one fsync serves every write that came in during the previous one.
 */
final class GroupCommit {

    /** Commits what is in memory and forces it to disk. */
    private final Runnable commitAndForce;
    /** Writes announced so far; a write takes its number once its change is in memory. */
    private final AtomicLong announced = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a forced commit ends. */
    private final Condition forcedCommitEnded = lock.newCondition();
    /** Every write numbered up to this one is on disk; written under {@link #lock}. */
    private long durable;
    /** Whether a writer is committing and forcing for the others; written under {@link #lock}. */
    private boolean forcing;
    private final AtomicLong forced = new AtomicLong();
    /** Writers waiting for a forced commit to end; written under {@link #lock}. */
    private int waiting;

    GroupCommit(Runnable commitAndForce) {
        this.commitAndForce = commitAndForce;
    }

    /** Numbers a write whose change is already in memory, for {@link #awaitDurable(long)} to wait on. */
    long announce() {
        return announced.incrementAndGet();
    }

    /**
     * Returns once the write numbered {@code mine} (and every one before it) is committed and on disk. A writer
     * whose change the running commit may not include waits for it to end, then commits for itself and every
     * writer that came meanwhile; the writers the ended commit included return at once.
     */
    void awaitDurable(long mine) {
        lock.lock();
        try {
            while (durable < mine) {
                if (forcing) {
                    waiting++;
                    forcedCommitEnded.awaitUninterruptibly();
                    waiting--;
                } else {
                    forceFor(announced.get()); // each of these writes was in memory before it took its number
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Commits and forces outside the lock, so that the writers arriving meanwhile can queue up for the next one. */
    private void forceFor(long covered) {
        forcing = true;
        lock.unlock();
        try {
            commitAndForce.run();
            forced.incrementAndGet();
        } finally {
            lock.lock();
            forcing = false;
            forcedCommitEnded.signalAll();
        }
        durable = Math.max(durable, covered);
    }

    /** How many commits were forced: fewer than the writes when writes shared them. */
    long forcedCommits() {
        return forced.get();
    }

    /** How many writers wait for the commit being forced. */
    int waitingWriters() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }
}
