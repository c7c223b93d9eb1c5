package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The clinical side of a patient, one document per patient ({@code _id} is the patient's id): allergies, chronic
 * conditions of the coded list, pregnancy with its expected date, breastfeeding and the last weight. The year of
 * birth stays on the patient record. {@code version} grows by one with every write (1 for the first; 0 while the
 * patient has no profile), so that a replacement can require the version its author read.
 */
@Serdeable
@MappedEntity("clinical_profiles")
record ClinicalProfile(
        @Id String patientId,
        List<Allergy> allergies,
        List<ChronicCondition> conditions,
        @Nullable LocalDate pregnancyDueDate,
        boolean breastfeeding,
        @Nullable BigDecimal weightKg,
        @Nullable LocalDate weighedOn,
        Instant updatedAt,
        String updatedBy,
        long version) {

    ClinicalProfile {
        // the store leaves empty lists out of the document
        allergies = allergies == null ? List.of() : allergies;
        conditions = conditions == null ? List.of() : conditions;
    }

    /** The version of a patient's profile before its first write. */
    static final long NO_PROFILE = 0;

    static ClinicalProfile empty(String patientId) {
        return new ClinicalProfile(patientId, List.of(), List.of(), null, false, null, null, null, null, NO_PROFILE);
    }

    /** Pregnant until the expected date has passed. */
    boolean pregnantOn(LocalDate day) {
        return pregnancyDueDate != null && !day.isAfter(pregnancyDueDate);
    }

    PatientFacts facts(@Nullable Integer birthYear, LocalDate today) {
        return new PatientFacts(birthYear == null ? null : today.getYear() - birthYear,
                conditions.stream().map(c -> new PatientFacts.ConditionFact(c.code(), c.kidneyFunction())).toList(),
                allergies.stream().map(Allergy::substance).toList(), pregnantOn(today), breastfeeding, weightKg);
    }
}
