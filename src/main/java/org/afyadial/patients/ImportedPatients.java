package org.afyadial.patients;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import jakarta.inject.Singleton;
import org.afyadial.store.Counters;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the patients of an import in bulk: one look-up of the batch's ids, one block of identifiers, one insert.
 * They have no phone (staff link one later), no PIN, and SMS off; the import is audited as a whole by its caller.
 */
@Singleton
public class ImportedPatients {

    private final Store store;
    private final Counters counters;
    private final Clock clock;

    ImportedPatients(Store store, Counters counters, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
    }

    /** The persons not stored yet, by patient id; nothing is written. */
    public Map<String, ImportedPerson> missing(Collection<ImportedPerson> persons) {
        Map<String, ImportedPerson> byId = new LinkedHashMap<>();
        persons.forEach(p -> byId.putIfAbsent(p.patientId(), p));
        List<ObjectId> ids = byId.keySet().stream().map(ObjectId::new).toList();
        store.collection("patients").find(Filters.in("_id", ids)).projection(Projections.include("_id"))
                .forEach(d -> byId.remove(d.getObjectId("_id").toHexString()));
        return byId;
    }

    /** Creates the persons not stored yet; returns how many were created. */
    public int createMissing(Collection<ImportedPerson> persons) {
        Map<String, ImportedPerson> missing = missing(persons);
        if (missing.isEmpty()) {
            return 0;
        }
        long identifier = counters.nextBlock(PatientService.IDENTIFIER_COUNTER, missing.size());
        Instant now = clock.instant();
        List<Document> fresh = new ArrayList<>(missing.size());
        for (Map.Entry<String, ImportedPerson> e : missing.entrySet()) {
            fresh.add(document(e.getKey(), PatientService.identifier(identifier++), e.getValue(), now));
        }
        try {
            store.collection("patients").insertMany(fresh, new InsertManyOptions().ordered(false));
            return fresh.size();
        } catch (MongoBulkWriteException e) {
            // another import of the same persons got there first: theirs stand
            if (!DuplicateKey.onlyDuplicates(e)) {
                throw e;
            }
            return fresh.size() - e.getWriteErrors().size();
        }
    }

    /**
     * The patient as {@link Patient}'s mapping stores it (empty lists and nulls left out). Written as a document
     * because the entity's codec draws a new id for every insert, and the id here is the person's.
     */
    private static Document document(String id, String identifier, ImportedPerson person, Instant now) {
        Date at = Date.from(now);
        return new Document("_id", new ObjectId(id))
                .append("identifier", identifier)
                .append("firstName", person.firstName())
                .append("lastName", person.lastName())
                .append("birthYear", person.birthYear())
                .append("sex", person.sex().name())
                .append("language", Language.en.name())
                .append("bloodType", person.bloodType())
                .append("smsOptIn", false)
                .append("appointmentReminders", true)
                .append("phoneInvalid", false)
                .append("searchName", SearchNames.of(person.firstName(), person.lastName()))
                .append("createdAt", at)
                .append("updatedAt", at)
                .append("version", 0L);
    }
}
