package org.afyadial.clinical;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import io.micronaut.core.annotation.Nullable;
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
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * Reads and replaces patients' clinical profiles; a patient without one has an empty profile. A replacement names
 * the version its author read and is one conditional write of that version, so two doctors editing one profile
 * never silently lose one's change: the later is refused. A consultation adds to the profile with single
 * conditional writes (a condition once, a weight unless a later one is recorded) that also move the version on.
 */
@Singleton
class ClinicalProfiles {

    static final String TARGET = "clinical-profile";

    static final class UnknownCondition extends ProblemException {
        UnknownCondition(String code) {
            super(HttpStatus.BAD_REQUEST, "Unknown condition code '" + code + "' (see the coded list of conditions)");
        }
    }

    /** The profile's version is no longer the one the replacement was based on. */
    static final class ChangedSinceRead extends ProblemException {
        ChangedSinceRead() {
            super(HttpStatus.PRECONDITION_FAILED, "The clinical profile was changed since this version was read;"
                    + " read it again and apply the change to the current version");
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

    /** Replaces the profile if it is still at {@code readVersion}, in one conditional write. */
    ProfileView replace(String patientId, ProfileDetails details, long readVersion, String doctor) {
        Patient patient = patients.get(patientId);
        details.conditions().forEach(this::requireKnown);
        Document profile = new Document("_id", patient.id())
                .append("allergies", details.allergies().stream().map(ClinicalProfiles::allergyDocument).toList())
                .append("conditions", details.conditions().stream().map(ClinicalProfiles::conditionDocument).toList())
                .append("breastfeeding", details.breastfeeding())
                .append("updatedAt", Date.from(clock.instant())).append("updatedBy", doctor)
                .append("version", readVersion + 1);
        putIfPresent(profile, "pregnancyDueDate", storedDate(details.pregnancyDueDate()));
        putIfPresent(profile, "weightKg", details.weightKg() == null ? null : new Decimal128(details.weightKg()));
        putIfPresent(profile, "weighedOn", storedDate(details.weighedOn()));
        if (!(readVersion == ClinicalProfile.NO_PROFILE ? inserted(profile)
                : documents.replaceOne(and(eq("_id", patient.id()), eq("version", readVersion)), profile).getModifiedCount() == 1)) {
            throw new ChangedSinceRead();
        }
        return view(patient, profileOf(patient.id()));
    }

    /** False when the patient has a profile already: written since its absence was read. */
    private boolean inserted(Document profile) {
        try {
            documents.insertOne(profile);
            return true;
        } catch (RuntimeException e) {
            if (!DuplicateKey.causedBy(e)) {
                throw e;
            }
            return false;
        }
    }

    void requireKnown(ChronicCondition condition) {
        if (!conditions.knows(condition.code())) {
            throw new UnknownCondition(condition.code());
        }
    }

    /** Adds the condition unless the profile holds that code already. */
    void addCondition(String patientId, ChronicCondition condition, String doctor) {
        upsert(and(eq("_id", patientId), ne("conditions.code", condition.code())),
                combine(push("conditions", conditionDocument(condition)), changedBy(doctor)));
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
        return combine(set("updatedAt", Date.from(clock.instant())), set("updatedBy", doctor), inc("version", 1));
    }

    /** Dates of the profile are stored as their UTC midnight, as the repository reads them. */
    private static Date storedDate(@Nullable LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Document allergyDocument(Allergy allergy) {
        Document document = new Document("substance", allergy.substance()).append("severity", allergy.severity().name());
        putIfPresent(document, "reaction", allergy.reaction());
        return document;
    }

    private static Document conditionDocument(ChronicCondition condition) {
        Document coded = new Document("code", condition.code());
        putIfPresent(coded, "ckdStage", condition.ckdStage());
        putIfPresent(coded, "egfr", condition.egfr());
        putIfPresent(coded, "since", storedDate(condition.since()));
        putIfPresent(coded, "note", condition.note());
        return coded;
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
                profile.weighedOn(), profile.updatedAt(), profile.updatedBy(), profile.version());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clinic.timezone());
    }
}
