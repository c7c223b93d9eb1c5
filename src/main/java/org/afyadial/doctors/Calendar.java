package org.afyadial.doctors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a doctor's day, week or month looks like: the slots of the schedule, each FREE, TAKEN or
 * PAST, and the leave and extra hours. Appointments themselves are listed by
 * {@code GET /api/v1/appointments?doctorId=&from=&to=}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record Calendar(String doctorId, CalendarView view, LocalDate firstDay, LocalDate lastDay, Instant from, Instant to,
                List<CalendarSlot> slots, List<ScheduleException> exceptions) {

    enum SlotState { FREE, TAKEN, PAST }

    @Serdeable
    record CalendarSlot(Instant start, Instant end, SlotState state) {
    }
}
