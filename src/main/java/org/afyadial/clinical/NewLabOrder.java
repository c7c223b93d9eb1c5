package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Tests a doctor orders for a patient, from a consultation of that patient when there is one. */
@Serdeable
record NewLabOrder(
        @NotBlank String patientId,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 80) String> tests,
        @Nullable String consultationId) {
}
