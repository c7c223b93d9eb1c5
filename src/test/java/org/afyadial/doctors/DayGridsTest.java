package org.afyadial.doctors;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A day's slots are laid out once, and again as soon as the doctor's schedule or that day's exceptions differ. */
class DayGridsTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final WeeklySchedule MORNINGS = new WeeklySchedule(30, List.of(
            new WorkingHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0))));
    private static final ScheduleException LEAVE_AT_NINE = new ScheduleException("x1", "dr", MONDAY, ExceptionKind.LEAVE,
            LocalTime.of(9, 0), LocalTime.of(10, 0), null);

    private final DayGrids grids = new DayGrids(NAIROBI);

    @Test
    void theSameDayIsLaidOutOnce() {
        List<Slot> first = grids.slotsOn(doctor("dr", MORNINGS), MONDAY, List.of());

        assertSame(first, grids.slotsOn(doctor("dr", MORNINGS), MONDAY, List.of()), "an equal schedule reuses the day");
        assertEquals(SlotGrid.slotsOn("dr", MORNINGS, MONDAY, List.of(), NAIROBI), first);
    }

    @Test
    void anotherScheduleOrOtherExceptionsLayTheDayOutAgain() {
        List<Slot> mornings = grids.slotsOn(doctor("dr", MORNINGS), MONDAY, List.of());

        List<Slot> withLeave = grids.slotsOn(doctor("dr", MORNINGS), MONDAY, List.of(LEAVE_AT_NINE));
        assertEquals(starts("05:00", "05:30"), withLeave.stream().map(Slot::start).toList());

        WeeklySchedule hourly = new WeeklySchedule(60, MORNINGS.hours());
        assertEquals(starts("05:00", "06:00"), grids.slotsOn(doctor("dr", hourly), MONDAY, List.of())
                .stream().map(Slot::start).toList());

        List<Slot> morningsAgain = grids.slotsOn(doctor("dr", MORNINGS), MONDAY, List.of());
        assertNotSame(mornings, morningsAgain, "only the last layout of a day is kept");
        assertEquals(mornings, morningsAgain);
    }

    @Test
    void eachDoctorAndDateHasItsOwnDay() {
        assertEquals("other", grids.slotsOn(doctor("other", MORNINGS), MONDAY, List.of()).getFirst().doctorId());
        assertEquals(List.of(), grids.slotsOn(doctor("dr", MORNINGS), MONDAY.plusDays(1), List.of()), "no hours on Tuesday");
        assertEquals(4, grids.slotsOn(doctor("dr", MORNINGS), MONDAY, List.of()).size());
    }

    private static Doctor doctor(String id, WeeklySchedule schedule) {
        return new Doctor(id, "Amina", "Otieno", "GP", null, null, null, null, schedule, null, null, null);
    }

    private static List<Instant> starts(String... utcTimes) {
        return Arrays.stream(utcTimes).map(t -> Instant.parse("2026-11-23T" + t + ":00Z")).toList();
    }
}
