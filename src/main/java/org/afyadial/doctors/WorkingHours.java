package org.afyadial.doctors;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekly range of consultations, in clinic local time: MONDAY 08:00-12:00. */
@Serdeable
@TimeRange
public record WorkingHours(@NotNull DayOfWeek day, @NotNull LocalTime from, @NotNull LocalTime to) implements HasTimeRange {
}
