package org.afyadial.clinical;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.afyadial.system.ProblemException;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * Results of lab orders, one document per order and test: the unique index on ({@code orderId}, {@code test})
 * makes a result recorded once, however many lab users send it. A correction replaces the value only if nobody
 * corrected it since it was read ({@code revision}), and keeps what it replaced in {@code earlier}.
 */
@Singleton
class LabResults {

    static final String COLLECTION = "lab_results";
    private static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    static final class AlreadyRecorded extends ProblemException {
        AlreadyRecorded(String test) {
            super(HttpStatus.CONFLICT, "The result of " + test + " is already recorded; send it with a correctionReason to correct it");
        }
    }

    static final class NothingToCorrect extends ProblemException {
        NothingToCorrect(String test) {
            super(HttpStatus.CONFLICT, "No result of " + test + " is recorded yet: there is nothing to correct");
        }
    }

    static final class CorrectedMeanwhile extends ProblemException {
        CorrectedMeanwhile(String test) {
            super(HttpStatus.CONFLICT, "The result of " + test + " was corrected by someone else meanwhile; read it and try again");
        }
    }

    /** A value as it was before a correction replaced it. */
    @Serdeable
    record Earlier(String value, @Nullable String unit, @Nullable String referenceRange, boolean abnormal,
                   String recordedBy, Instant recordedAt) {
    }

    @Serdeable
    record LabResult(String orderId, String patientId, String test, String value, @Nullable String unit,
                     @Nullable String referenceRange, boolean abnormal, String recordedBy, Instant recordedAt, int revision,
                     @Nullable String correctionReason, List<Earlier> earlier) {
    }

    private final MongoCollection<Document> results;

    LabResults(Store store) {
        this.results = store.collection(COLLECTION);
    }

    LabResult record(LabOrder order, String test, LabResultEntry entry, String by, Instant now) {
        Document result = new Document("orderId", order.id()).append("patientId", order.patientId()).append("test", test)
                .append("revision", 0).append("earlier", List.of());
        measurement(entry, by, now).forEach(result::append);
        try {
            results.insertOne(result);
        } catch (RuntimeException e) {
            if (DuplicateKey.causedBy(e)) {
                throw new AlreadyRecorded(test);
            }
            throw e;
        }
        return of(result);
    }

    LabResult correct(LabOrder order, String test, LabResultEntry entry, String by, Instant now) {
        Document current = results.find(and(eq("orderId", order.id()), eq("test", test))).first();
        if (current == null) {
            throw new NothingToCorrect(test);
        }
        LabResult before = of(current);
        Document replaced = new Document("value", before.value()).append("unit", before.unit())
                .append("referenceRange", before.referenceRange()).append("abnormal", before.abnormal())
                .append("recordedBy", before.recordedBy()).append("recordedAt", Date.from(before.recordedAt()));
        List<org.bson.conversions.Bson> changes = new ArrayList<>();
        measurement(entry, by, now).forEach((field, value) -> changes.add(set(field, value)));
        changes.add(set("correctionReason", entry.correctionReason().strip()));
        changes.add(inc("revision", 1));
        changes.add(push("earlier", replaced));
        Document corrected = results.findOneAndUpdate(and(eq("orderId", order.id()), eq("test", test), eq("revision", before.revision())),
                combine(changes), RETURN_AFTER);
        if (corrected == null) {
            throw new CorrectedMeanwhile(test);
        }
        return of(corrected);
    }

    List<LabResult> ofOrder(String orderId) {
        return results.find(eq("orderId", orderId)).sort(Sorts.ascending("test")).map(LabResults::of).into(new ArrayList<>());
    }

    long countOfOrder(String orderId) {
        return results.countDocuments(eq("orderId", orderId));
    }

    /** The patient's results, last recorded first. */
    List<LabResult> newestOfPatient(String patientId, int limit) {
        return results.find(eq("patientId", patientId)).sort(Sorts.descending("recordedAt")).limit(limit)
                .map(LabResults::of).into(new ArrayList<>());
    }

    long countOfPatient(String patientId) {
        return results.countDocuments(eq("patientId", patientId));
    }

    private static Document measurement(LabResultEntry entry, String by, Instant now) {
        return new Document("value", entry.value().strip()).append("unit", entry.unit()).append("referenceRange", entry.referenceRange())
                .append("abnormal", entry.abnormal()).append("recordedBy", by).append("recordedAt", Date.from(now));
    }

    private static LabResult of(Document d) {
        return new LabResult(d.getString("orderId"), d.getString("patientId"), d.getString("test"), d.getString("value"),
                d.getString("unit"), d.getString("referenceRange"), d.getBoolean("abnormal"), d.getString("recordedBy"),
                d.getDate("recordedAt").toInstant(), d.getInteger("revision"), d.getString("correctionReason"),
                d.getList("earlier", Document.class, List.of()).stream().map(e -> new Earlier(e.getString("value"), e.getString("unit"),
                        e.getString("referenceRange"), e.getBoolean("abnormal"), e.getString("recordedBy"),
                        e.getDate("recordedAt").toInstant())).toList());
    }
}
