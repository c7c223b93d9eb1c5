package org.afyadial.clinical;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.DuplicateKey;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.ProblemException;

import java.time.Clock;
import java.time.LocalDate;

/** Reads and replaces patients' clinical profiles; a patient without one has an empty profile. */
@Singleton
class ClinicalProfiles {

    static final class UnknownCondition extends ProblemException {
        UnknownCondition(String code) {
            super(HttpStatus.BAD_REQUEST, "Unknown condition code '" + code + "' (see the coded list of conditions)");
        }
    }

    private final ClinicalProfileRepository repository;
    private final PatientService patients;
    private final ConditionCodes conditions;
    private final ClinicSettings clinic;
    private final Clock clock;

    ClinicalProfiles(ClinicalProfileRepository repository, PatientService patients, MedicationSafety safety,
                     ClinicSettings clinic, Clock clock) {
        this.repository = repository;
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
        details.conditions().stream().map(ChronicCondition::code).filter(code -> !conditions.knows(code)).findFirst()
                .ifPresent(code -> {
                    throw new UnknownCondition(code);
                });
        ClinicalProfile profile = new ClinicalProfile(patient.id(), details.allergies(), details.conditions(),
                details.pregnancyDueDate(), details.breastfeeding(), details.weightKg(), details.weighedOn(),
                clock.instant(), doctor);
        return view(patient, store(profile));
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
