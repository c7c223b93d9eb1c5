package org.afyadial.doctors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.afyadial.system.ValidPhone;

/**
 * The editable part of a doctor. {@code schedule} is optional on creation (set later with
 * {@code PUT /doctors/{id}/schedule}) and ignored on update.
 */
@Serdeable
public record DoctorDetails(
        @NotBlank @Size(max = 60) String firstName,
        @NotBlank @Size(max = 60) String lastName,
        @NotBlank String specialty,
        @Nullable @ValidPhone String phone,
        @NotNull @Valid Fee fee,
        @Nullable @Size(max = 60) String username,
        @Nullable @Valid WeeklySchedule schedule) {
}
