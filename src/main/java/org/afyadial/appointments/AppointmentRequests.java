package org.afyadial.appointments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** The bodies the appointment endpoints accept. */
final class AppointmentRequests {

    private AppointmentRequests() {
    }

    /** A booking by a receptionist; an urgent one may start off the slot grid. */
    @Serdeable
    record NewAppointment(@NotBlank String patientId,
                          @NotBlank String doctorId,
                          @Schema(example = "2026-11-23T06:00:00Z") @NotNull Instant start,
                          @Nullable @Size(max = 500) String reason,
                          boolean urgent) {
    }

    @Serdeable
    record Reason(@Nullable @Size(max = 500) String reason) {
    }

    @Serdeable
    record StaffCancellation(@Schema(example = "Doctor called to an emergency") @NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    record Assignment(@NotBlank String doctorId) {
    }

    @Serdeable
    record Reschedule(@Schema(example = "2026-11-24T07:00:00Z") @NotNull Instant start, @Nullable String doctorId) {
    }
}
