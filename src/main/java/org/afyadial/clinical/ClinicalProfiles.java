package org.afyadial.clinical;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.ProblemException;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * Reads and replaces patients' clinical profiles; a patient without one has an empty profile. A consultation adds
 * to the profile with single conditional writes (a condition once, a weight unless a later one is recorded), so a
 * doctor editing the profile at the same time loses nothing.
 */
@Singleton
class ClinicalProfiles {

    static final String TARGET = "clinical-profile";

    static final class UnknownCondition extends ProblemException {
        UnknownCondition(String code) {
            super(HttpStatus.BAD_REQUEST, "Unknown condition code '" + code + "' (see the coded list of conditions)");
        }
    }

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ClinicalProfileRepository repository;
    private final MongoCollection<Document> documents;
    private final PatientService patients;
    private final ConditionCodes conditions;
    private final ClinicSettings clinic;
    private final Clock clock;

    ClinicalProfiles(ClinicalProfileRepository repository, Store store, PatientService patients, MedicationSafety safety,
                     ClinicSettings clinic, Clock clock) {
        this.repository = repository;
        this.documents = store.collection("clinical_profiles");
        this.patients = patients;
        this.conditions = safety.conditions();
        this.clinic = clinic;
        this.clock = clock;
    }

    ProfileView view(String patientId) {
        Patient patient = patients.get(patientId);
        return view(patient, profileOf(patient.id()));
    }

    ProfileView replace(String patientId, ProfileDetails details, String doctor) {
        Patient patient = patients.get(patientId);
        details.conditions().forEach(this::requireKnown);
        ClinicalProfile profile = new ClinicalProfile(patient.id(), details.allergies(), details.conditions(),
                details.pregnancyDueDate(), details.breastfeeding(), details.weightKg(), details.weighedOn(),
                clock.instant(), doctor);
        return view(patient, store(profile));
    }

    void requireKnown(ChronicCondition condition) {
        if (!conditions.knows(condition.code())) {
            throw new UnknownCondition(condition.code());
        }
    }

    /** Adds the condition unless the profile holds that code already. */
    void addCondition(String patientId, ChronicCondition condition, String doctor) {
        Document coded = new Document("code", condition.code());
        putIfPresent(coded, "ckdStage", condition.ckdStage());
        putIfPresent(coded, "egfr", condition.egfr());
        putIfPresent(coded, "since", condition.since() == null ? null : storedDate(condition.since()));
        putIfPresent(coded, "note", condition.note());
        upsert(and(eq("_id", patientId), ne("conditions.code", condition.code())),
                combine(push("conditions", coded), changedBy(doctor)));
    }

    /** The weight measured today, unless the profile holds one measured later. */
    void recordWeight(String patientId, BigDecimal weightKg, String doctor) {
        Date today = storedDate(today());
        upsert(and(eq("_id", patientId), or(exists("weighedOn", false), lte("weighedOn", today))),
                combine(set("weightKg", new Decimal128(weightKg)), set("weighedOn", today), changedBy(doctor)));
    }

    /** What the safety check needs to know of the patient today. */
    PatientFacts facts(Patient patient) {
        return profileOf(patient.id()).facts(patient.birthYear(), today());
    }

    private ClinicalProfile profileOf(String patientId) {
        return repository.findById(patientId).orElseGet(() -> ClinicalProfile.empty(patientId));
    }

    private ClinicalProfile store(ClinicalProfile profile) {
        if (repository.existsById(profile.patientId())) {
            return repository.update(profile);
        }
        try {
            return repository.save(profile);
        } catch (RuntimeException e) {
            if (!DuplicateKey.causedBy(e)) {
                throw e;
            }
            return repository.update(profile); // written by another request in between
        }
    }

    /** A profile that does not match the filter already holds the change: the upsert's insert then meets its _id. */
    private void upsert(Bson filter, Bson update) {
        try {
            documents.updateOne(filter, update, UPSERT);
        } catch (RuntimeException e) {
            if (!DuplicateKey.causedBy(e)) {
                throw e;
            }
        }
    }

    private Bson changedBy(String doctor) {
        return combine(set("updatedAt", Date.from(clock.instant())), set("updatedBy", doctor));
    }

    /** Dates of the profile are stored as their UTC midnight, as the repository stores them. */
    private static Date storedDate(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static void putIfPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }

    private ProfileView view(Patient patient, ClinicalProfile profile) {
        return new ProfileView(patient.id(), patient.birthYear(), profile.allergies(),
                profile.conditions().stream().map(c -> {
                    ConditionCodes.Condition coded = conditions.find(c.code()).orElseThrow();
                    return new ProfileView.ConditionView(c.code(), coded.name(), coded.icd10(), c.ckdStage(), c.egfr(), c.since(), c.note());
                }).toList(),
                profile.pregnancyDueDate(), profile.pregnantOn(today()), profile.breastfeeding(), profile.weightKg(),
                profile.weighedOn(), profile.updatedAt(), profile.updatedBy());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clinic.timezone());
    }
}
