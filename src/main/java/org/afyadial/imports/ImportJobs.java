package org.afyadial.imports;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Imports uploaded over HTTP, run in the background on this instance. Each has a document in {@code imports}
 * holding its status and counts, updated after every batch, so any instance sharing the store can report it.
 */
@Singleton
class ImportJobs {

    static final String COLLECTION = "imports";
    private static final int REJECTS_SHOWN = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    private final DatasetImporter importer;
    private final Store store;
    private final Clock clock;
    private final ExecutorService executor;
    private final ApplicationEventPublisher<ImportFinished> finished;

    ImportJobs(DatasetImporter importer, Store store, Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
               ApplicationEventPublisher<ImportFinished> finished) {
        this.importer = importer;
        this.store = store;
        this.clock = clock;
        this.executor = executor;
        this.finished = finished;
    }

    /** Starts importing {@code file}, which the import deletes when it ends; returns the import's id. */
    String start(Path file) {
        String id = new ObjectId().toHexString();
        store.collection(COLLECTION).insertOne(new Document("_id", id).append("status", ImportView.Status.RUNNING.name())
                .append("startedAt", Date.from(clock.instant())));
        executor.execute(() -> run(id, file));
        return id;
    }

    Optional<ImportView> find(String id) {
        return Optional.ofNullable(store.collection(COLLECTION).find(Filters.eq("_id", id)).first()).map(ImportJobs::view);
    }

    private void run(String id, Path file) {
        List<Document> rejects = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            ImportSummary summary = importer.run(in, false, new ImportListener() {
                @Override
                public void rejected(long line, RejectReason reason, List<String> fields) {
                    if (rejects.size() < REJECTS_SHOWN) {
                        rejects.add(new Document("line", line).append("reason", reason.name()));
                    }
                }

                @Override
                public void progress(ImportSummary soFar) {
                    update(id, Updates.set("summary", summaryDocument(soFar)), Updates.set("rejects", rejects));
                }
            });
            end(id, ImportView.Status.DONE, Updates.set("summary", summaryDocument(summary)));
        } catch (UnreadableImport e) {
            end(id, ImportView.Status.FAILED, Updates.set("error", e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.error("Import {} failed", id, e);
            end(id, ImportView.Status.FAILED, Updates.set("error", "The import failed; the service log has the cause"));
        } finally {
            delete(file);
        }
    }

    private void end(String id, ImportView.Status status, Bson result) {
        update(id, Updates.set("status", status.name()), Updates.set("finishedAt", Date.from(clock.instant())), result);
        finished.publishEvent(new ImportFinished(id));
    }

    private void update(String id, Bson... changes) {
        store.collection(COLLECTION).updateOne(Filters.eq("_id", id), Updates.combine(changes));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document summaryDocument(ImportSummary s) {
        return new Document("read", s.read()).append("imported", s.imported()).append("duplicates", s.duplicates())
                .append("rejected", s.rejected()).append("rejectedByReason", new Document(Map.copyOf(s.rejectedByReason())))
                .append("patientsCreated", s.patientsCreated());
    }

    private static ImportView view(Document d) {
        Document s = d.get("summary", Document.class);
        ImportSummary summary = s == null ? null : new ImportSummary(s.getLong("read"), s.getLong("imported"),
                s.getLong("duplicates"), s.getLong("rejected"), rejectedByReason(s.get("rejectedByReason", Document.class)),
                s.getLong("patientsCreated"));
        List<ImportView.Reject> rejects = d.getList("rejects", Document.class, List.of()).stream()
                .map(r -> new ImportView.Reject(r.getLong("line"), r.getString("reason"))).toList();
        Date finishedAt = d.getDate("finishedAt");
        return new ImportView(d.getString("_id"), ImportView.Status.valueOf(d.getString("status")), d.getDate("startedAt").toInstant(),
                finishedAt == null ? null : finishedAt.toInstant(), summary, rejects, d.getString("error"));
    }

    private static Map<String, Long> rejectedByReason(Document byReason) {
        Map<String, Long> counts = new LinkedHashMap<>();
        byReason.forEach((reason, count) -> counts.put(reason, ((Number) count).longValue()));
        return counts;
    }
}
