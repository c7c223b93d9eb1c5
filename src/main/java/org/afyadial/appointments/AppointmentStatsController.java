package org.afyadial.appointments;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.system.TimeWindow;

import java.time.Duration;
import java.time.Instant;

@Controller("/api/v1/stats/appointments")
@Tag(name = "Appointments")
@SecurityRequirement(name = "bearer")
class AppointmentStatsController {

    private static final Duration LONGEST = Duration.ofDays(366);

    private final AppointmentStatistics statistics;

    AppointmentStatsController(AppointmentStatistics statistics) {
        this.statistics = statistics;
    }

    @Get
    @Operation(summary = "Appointment counts by status, cancellation and no-show rates, per-doctor utilization",
            description = "Appointments starting in [from, to), at most 366 days. Utilization = booked slots / slots of the schedule.")
    AppointmentStats stats(@Parameter(example = "2026-11-01T00:00:00Z") @QueryValue Instant from,
                           @Parameter(example = "2026-12-01T00:00:00Z") @QueryValue Instant to) {
        TimeWindow.check(from, to, LONGEST);
        return statistics.between(from, to);
    }
}
