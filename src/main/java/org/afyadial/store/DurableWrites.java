package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVStore;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which commands the embedded server makes durable before it answers: those that change a collection that is not
 * short-lived ({@link CollectionIndexes#shortLived}, kept in memory only), or the database itself, unless
 * {@link #unforced}. Their answer waits
 * for a {@link GroupCommit} of the H2 file, also when the command failed, as a failed bulk write may have written
 * part of it. A store in memory has nothing to force.
 */
final class DurableWrites {

    /** The commands, in lower case, that change the collection named by their value, or the database. */
    private static final Set<String> WRITING = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    /**
     * The writes this thread made inside {@link #together}, by the commits that must cover them (a store's
     * commands run in the thread that sends them, see {@link InProcessStreams}): the latest write's number each.
     */
    private static final ThreadLocal<Map<GroupCommit, Long>> DEFERRED = new ThreadLocal<>();
    /** Whether this thread runs a write inside {@link #unforced}. */
    private static final ThreadLocal<Boolean> UNFORCED = new ThreadLocal<>();

    private final Set<String> shortLived;
    private final GroupCommit commits;
    private final boolean onFile;

    DurableWrites(MVStore store, Set<String> shortLived) {
        this.shortLived = Set.copyOf(shortLived);
        this.onFile = store.getFileStore() != null;
        this.commits = new GroupCommit(() -> {
            store.commit();
            store.sync();
        });
    }

    Document run(String command, Document query, Supplier<Document> execution) {
        if (!onFile || UNFORCED.get() != null || !changesDurableData(command, query)) {
            return execution.get();
        }
        try {
            return execution.get();
        } finally {
            Map<GroupCommit, Long> deferred = DEFERRED.get();
            if (deferred == null) {
                commits.awaitDurable(commits.announce());
            } else {
                deferred.put(commits, commits.announce());
            }
        }
    }

    /**
     * Runs an operation whose writes, made on this thread, are acknowledged together: each write answers at once,
     * and the operation returns only once all of them are on disk, after one wait instead of one per write.
     */
    static <T> T together(Supplier<T> operation) {
        if (DEFERRED.get() != null) {
            return operation.get(); // the outer operation waits for these writes too
        }
        Map<GroupCommit, Long> deferred = new HashMap<>(2);
        DEFERRED.set(deferred);
        try {
            return operation.get();
        } finally {
            DEFERRED.remove();
            deferred.forEach(GroupCommit::awaitDurable);
        }
    }

    /**
     * Runs writes, made on this thread, that answer without waiting for the disk: a commit writes everything the store
     * holds, so they reach it with the next forced commit of any write, or with H2's own periodic write
     * ({@link EmbeddedBackend}).
     */
    static <T> T unforced(Supplier<T> writes) {
        if (UNFORCED.get() != null) {
            return writes.get();
        }
        UNFORCED.set(Boolean.TRUE);
        try {
            return writes.get();
        } finally {
            UNFORCED.remove();
        }
    }

    private boolean changesDurableData(String command, Document query) {
        return WRITING.contains(command.toLowerCase(Locale.ROOT)) && !shortLived.contains(String.valueOf(query.get(command)));
    }

    /** How many commits were forced to disk so far. */
    long forcedCommits() {
        return commits.forcedCommits();
    }
}
