package org.afyadial.patients;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How reception made sure the person asking is the patient, kept in the audit log with the reset. */
@Serdeable
record PinResetRequest(
        @Schema(example = "national ID seen") @NotBlank @Size(max = 200) String identityCheck) {
}
