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
 * Creates the patients of an import in bulk: one look-up of the batch's persons, one block of identifiers, one insert.
 * They have no phone (staff link one later), no PIN, and SMS off; the import is audited as a whole by its caller.
 */
@Singleton
public class ImportedPatients {

    static final String IMPORT_KEY = "importKey";
    private static final String COLLECTION = "patients";

    private final Store store;
    private final Counters counters;
    private final Clock clock;

    ImportedPatients(Store store, Counters counters, Clock clock) {
        this.store = store;
        this.counters = counters;
        this.clock = clock;
    }

    /** The patients of these persons, by import key: those stored already, and the others created now. */
    public Resolved resolve(Collection<ImportedPerson> persons) {
        Map<String, ImportedPerson> byKey = new LinkedHashMap<>();
        persons.forEach(p -> byKey.putIfAbsent(p.importKey(), p));
        Map<String, String> ids = stored(byKey.keySet());
        byKey.keySet().removeAll(ids.keySet());
        if (byKey.isEmpty()) {
            return new Resolved(ids, 0);
        }
        long identifier = counters.nextBlock(PatientService.IDENTIFIER_COUNTER, byKey.size());
        Instant now = clock.instant();
        List<Document> fresh = new ArrayList<>(byKey.size());
        for (Map.Entry<String, ImportedPerson> e : byKey.entrySet()) {
            fresh.add(document(e.getKey(), PatientService.identifier(identifier++), e.getValue(), now));
        }
        int created = insert(fresh);
        if (created == fresh.size()) {
            fresh.forEach(document -> ids.put(document.getString(IMPORT_KEY), document.getObjectId("_id").toHexString()));
        } else {
            ids.putAll(stored(byKey.keySet())); // another import stored some of them first: theirs stand
        }
        return new Resolved(ids, created);
    }

    /** Inserts the patients in one command; answers how many were new (theirs stand where another import was first). */
    private int insert(List<Document> fresh) {
        try {
            store.collection(COLLECTION).insertMany(fresh, new InsertManyOptions().ordered(false));
            return fresh.size();
        } catch (MongoBulkWriteException e) {
            if (!DuplicateKey.onlyDuplicates(e)) {
                throw e;
            }
            return fresh.size() - e.getWriteErrors().size();
        }
    }

    /** The patient ids of the persons by their import key, and how many of them were created. */
    public record Resolved(Map<String, String> patientIds, int created) {

        public String patientIdOf(ImportedPerson person) {
            return patientIds.get(person.importKey());
        }
    }

    private Map<String, String> stored(Collection<String> importKeys) {
        Map<String, String> ids = new LinkedHashMap<>();
        store.collection(COLLECTION).find(Filters.in(IMPORT_KEY, importKeys)).projection(Projections.include(IMPORT_KEY))
                .forEach(d -> ids.put(d.getString(IMPORT_KEY), d.getObjectId("_id").toHexString()));
        return ids;
    }

    /**
     * The patient as {@link Patient}'s mapping stores it (empty lists and nulls left out), with its import key.
     * A fresh {@code ObjectId} grows with time: the store's files append new patients instead of inserting them
     * all over its pages, as ids derived from the person did.
     */
    private static Document document(String importKey, String identifier, ImportedPerson person, Instant now) {
        Date at = Date.from(now);
        return new Document("_id", new ObjectId())
                .append(IMPORT_KEY, importKey)
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
