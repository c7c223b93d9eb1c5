package org.afyadial.doctors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;

/** A request to add a {@link ScheduleException}; extra hours need a time range, leave may be all day. */
@Serdeable
@TimeRange
public record ScheduleChange(
        @NotNull LocalDate date,
        @NotNull ExceptionKind kind,
        @Nullable LocalTime from,
        @Nullable LocalTime to,
        @Nullable @Size(max = 200) String note) implements HasTimeRange {

    @Override
    public boolean wholeDayAllowed() {
        return kind == ExceptionKind.LEAVE;
    }
}
