package org.afyadial.doctors;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.util.List;

/** When a doctor consults every week, and how long one appointment slot lasts. */
@Serdeable
public record WeeklySchedule(
        @Min(5) @Max(WeeklySchedule.LONGEST_SLOT_MINUTES) int slotMinutes,
        @NotNull List<@Valid @NotNull WorkingHours> hours) {

    /** No slot, and so no claim, lasts longer. */
    static final int LONGEST_SLOT_MINUTES = 240;

    public WeeklySchedule {
        hours = hours == null ? List.of() : List.copyOf(hours);
    }

    static WeeklySchedule none() {
        return new WeeklySchedule(30, List.of());
    }

    List<WorkingHours> on(DayOfWeek day) {
        return hours.stream().filter(h -> h.day() == day).toList();
    }
}
