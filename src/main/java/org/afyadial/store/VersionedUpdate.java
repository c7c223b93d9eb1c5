package org.afyadial.store;

import io.micronaut.data.exceptions.OptimisticLockException;

import java.util.function.Supplier;

/**
 * Read-change-write on a {@code @Version}ed entity without losing a concurrent write: the store
 * accepts the write only if the version is still the one read, otherwise the whole attempt
 * (read, checks, change) runs again on the fresh record.
 */
public final class VersionedUpdate {

    private static final int ATTEMPTS = 5;

    private VersionedUpdate() {
    }

    public static <T> T retrying(String target, Supplier<T> attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            try {
                return attempt.get();
            } catch (OptimisticLockException e) {
                // another writer won this round; re-read and decide again
            }
        }
        throw new ChangedMeanwhile(target);
    }

    /** The record kept changing under us: the caller may reload and retry. */
    public static class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile(String target) {
            super(target + " was changed by someone else meanwhile; reload and retry", null, false, false);
        }
    }
}
