package org.afyadial.clinical;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A clinical profile as the API shows it, with the year of birth of the patient record and the conditions' names.
 * {@code version} is also the {@code ETag} of the answer, which a replacement sends back in {@code If-Match}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ProfileView(String patientId, Integer birthYear, List<Allergy> allergies, List<ConditionView> conditions,
                   LocalDate pregnancyDueDate, boolean pregnant, boolean breastfeeding, BigDecimal weightKg,
                   LocalDate weighedOn, Instant updatedAt, String updatedBy, long version) {

    @Serdeable
    record ConditionView(String code, String name, String icd10, String ckdStage, Integer egfr, LocalDate since, String note) {
    }
}
