package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A consultation as a doctor writes it. {@code appointmentId}, when given, is the doctor's own appointment of this
 * patient, which the consultation completes; {@code addToProfile} puts a chronic condition diagnosed today on the
 * patient's clinical profile.
 */
@Serdeable
record NewConsultation(
        @NotBlank String patientId,
        @Nullable String appointmentId,
        @NotBlank @Size(max = 500) String complaint,
        @Nullable @Size(max = 2000) String findings,
        @Nullable @Valid Vitals vitals,
        @Nullable @Size(max = 300) String diagnosis,
        @Nullable @Pattern(regexp = "[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?",
                message = "must be an ICD-10 code such as E11 or E11.9") String icd10,
        @Nullable @Size(max = 4000) String notes,
        @Nullable @Valid ChronicCondition addToProfile) {
}
