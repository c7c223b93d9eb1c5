package org.afyadial.ussd;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes the sessions of concurrent hops to the store together: one thread sends the conditional replaces that
 * arrived while its previous batch was with the store as one ordered bulk write. Under load a hop pays a share of
 * a round trip instead of a whole one (the per-command cost dominates a hop on the embedded store); alone, it
 * pays one, plus a thread hand-off. The bulk result only counts matches, so when fewer matched than were sent
 * the batch's sessions are read back to tell whose condition held.
 */
@Singleton
class SessionWriter {

    /** The writer thread's name; the store command log of the tests counts its commands with the hops'. */
    static final String THREAD = "ussd-session-writer";
    private static final int MAX_BATCH = 200;
    /** Well inside the 10 s AT waits for the answer: a store that slow gets the patient an apology instead. */
    private static final long WAIT_SECONDS = 5;
    /** Fields that tell this write from any other write of the session. */
    private static final List<String> WRITE_MARKS = List.of("consumed", "pending", "hops", "screen");

    private record Replace(String id, Bson filter, Document session, CompletableFuture<Boolean> written) {
    }

    private final MongoCollection<Document> sessions;
    private final BlockingQueue<Replace> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closing;

    SessionWriter(Store store) {
        this.sessions = store.collection(SessionStore.SESSIONS);
        this.writer = Thread.ofPlatform().daemon().name(THREAD).start(this::run);
    }

    /** Replaces the session if the filter still matches it; false when it no longer did. */
    boolean replace(String id, Bson filter, Document session) {
        if (closing) {
            throw new IllegalStateException("USSD session writer is shutting down");
        }
        Replace replace = new Replace(id, filter, session, new CompletableFuture<>());
        queue.add(replace);
        try {
            return replace.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("USSD session write took over " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a USSD session", e);
        }
    }

    /** Writes what is queued, then stops. */
    @PreDestroy
    void close() throws InterruptedException {
        closing = true;
        writer.join();
    }

    private void run() {
        List<Replace> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Replace first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Replace> batch) {
        try {
            BulkWriteResult result = sessions.bulkWrite(batch.stream()
                    .map(r -> new ReplaceOneModel<>(r.filter(), r.session())).toList());
            if (result.getMatchedCount() == batch.size()) {
                batch.forEach(r -> r.written().complete(true));
                return;
            }
            Map<String, Document> stored = storedMarks(batch);
            batch.forEach(r -> r.written().complete(sameWrite(stored.get(r.id()), r.session())));
        } catch (RuntimeException | Error e) {
            // the hops fail with the store's error (an apology to each patient); the writer goes on
            batch.forEach(r -> r.written().completeExceptionally(e));
        }
    }

    private Map<String, Document> storedMarks(List<Replace> batch) {
        Map<String, Document> stored = new HashMap<>();
        sessions.find(Filters.in("_id", batch.stream().map(Replace::id).distinct().toList()))
                .projection(Projections.include(WRITE_MARKS))
                .forEach(d -> stored.put(d.getString("_id"), d));
        return stored;
    }

    private static boolean sameWrite(Document stored, Document written) {
        return stored != null && WRITE_MARKS.stream().allMatch(f -> Objects.equals(stored.get(f), written.get(f)));
    }
}
