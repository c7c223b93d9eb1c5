package org.afyadial.clinical;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.afyadial.system.ProblemException;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * What pharmacists handed out. One document per prescription item, {@code _id} {@code prescriptionId|item}: the
 * unique {@code _id} lets one pharmacist dispense an item and refuses every other, at the same instant or later,
 * on any number of instances.
 */
@Singleton
class Dispensings {

    static final String COLLECTION = "dispensings";

    static final class AlreadyDispensed extends ProblemException {
        AlreadyDispensed(int item) {
            super(HttpStatus.CONFLICT, "Item " + item + " of this prescription has already been dispensed");
        }
    }

    @Serdeable
    record Dispensing(int item, String drug, String dispensedBy, String channel, Instant dispensedAt) {
    }

    private final MongoCollection<Document> dispensings;
    private final Clock clock;

    Dispensings(Store store, Clock clock) {
        this.dispensings = store.collection(COLLECTION);
        this.clock = clock;
    }

    Dispensing dispense(Prescription prescription, int item, String pharmacist, String channel) {
        Dispensing dispensing = new Dispensing(item, prescription.items().get(item).drug(), pharmacist, channel, clock.instant());
        try {
            dispensings.insertOne(new Document("_id", prescription.id() + "|" + item)
                    .append("prescriptionId", prescription.id())
                    .append("patientId", prescription.patientId())
                    .append("item", item)
                    .append("drug", dispensing.drug())
                    .append("dispensedBy", pharmacist)
                    .append("channel", channel)
                    .append("dispensedAt", Date.from(dispensing.dispensedAt())));
        } catch (MongoException e) {
            if (DuplicateKey.causedBy(e)) {
                throw new AlreadyDispensed(item);
            }
            throw e;
        }
        return dispensing;
    }

    /** A dispensing with the prescription it belongs to, as a patient's history lists it. */
    record OfPatient(String prescriptionId, Dispensing dispensing) {
    }

    List<Dispensing> of(String prescriptionId) {
        return dispensings.find(Filters.eq("prescriptionId", prescriptionId)).sort(new Document("item", 1))
                .map(Dispensings::dispensing).into(new ArrayList<>());
    }

    /** The patient's dispensings, last first. */
    List<OfPatient> newestOfPatient(String patientId, int limit) {
        return dispensings.find(Filters.eq("patientId", patientId)).sort(new Document("dispensedAt", -1)).limit(limit)
                .map(d -> new OfPatient(d.getString("prescriptionId"), dispensing(d))).into(new ArrayList<>());
    }

    long countOfPatient(String patientId) {
        return dispensings.countDocuments(Filters.eq("patientId", patientId));
    }

    private static Dispensing dispensing(Document d) {
        return new Dispensing(d.getInteger("item"), d.getString("drug"), d.getString("dispensedBy"), d.getString("channel"),
                d.getDate("dispensedAt").toInstant());
    }
}
