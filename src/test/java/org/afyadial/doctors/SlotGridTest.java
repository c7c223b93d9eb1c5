package org.afyadial.doctors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The grid of slots, in several African time zones (none has daylight saving), with exceptions. */
class SlotGridTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final WeeklySchedule MORNINGS = new WeeklySchedule(30, List.of(
            new WorkingHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(10, 0)),
            new WorkingHours(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(15, 15))));

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # zone           | exception                    | expected slot starts (UTC)
            Africa/Nairobi   | none                         | 05:00 05:30 06:00 06:30 11:00 11:30
            Africa/Lagos     | none                         | 07:00 07:30 08:00 08:30 13:00 13:30
            Africa/Abidjan   | none                         | 08:00 08:30 09:00 09:30 14:00 14:30
            Africa/Maputo    | none                         | 06:00 06:30 07:00 07:30 12:00 12:30
            Africa/Nairobi   | LEAVE                        |
            Africa/Nairobi   | LEAVE 08:45-09:30            | 05:00 06:30 11:00 11:30
            Africa/Nairobi   | EXTRA_HOURS 17:00-18:00      | 05:00 05:30 06:00 06:30 11:00 11:30 14:00 14:30
            Africa/Nairobi   | EXTRA_HOURS 09:00-11:00      | 05:00 05:30 06:00 06:30 07:00 07:30 11:00 11:30
            Africa/Lagos     | LEAVE 14:00-15:15            | 07:00 07:30 08:00 08:30
            """)
    void laysOutTheDayInTheClinicZone(String zone, String exception, String expected) {
        List<Slot> slots = SlotGrid.slotsOn("dr", MORNINGS, MONDAY, exceptions(exception), ZoneId.of(zone));

        assertEquals(starts(expected), slots.stream().map(Slot::start).toList());
        slots.forEach(s -> assertEquals(30, java.time.Duration.between(s.start(), s.end()).toMinutes()));
    }

    @ParameterizedTest(name = "now {0}, taken {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # now (UTC) | taken (UTC start-end) | expected free starts
            04:00       | none                  | 05:00 05:30 06:00 06:30 11:00 11:30
            05:30       | none                  | 06:00 06:30 11:00 11:30
            05:31       | none                  | 06:00 06:30 11:00 11:30
            04:00       | 05:30-06:00           | 05:00 06:00 06:30 11:00 11:30
            04:00       | 05:40-06:10           | 05:00 06:30 11:00 11:30
            04:00       | 04:00-05:31 06:00-06:30 | 06:30 11:00 11:30
            04:00       | 06:50-07:00 05:00-11:01 | 11:30
            12:00       | none                  |
            """)
    void freeSlotsSkipThePastAndTakenTime(String now, String taken, String expected) {
        List<Slot> offered = SlotGrid.slotsOn("dr", MORNINGS, MONDAY, List.of(), ZoneId.of("Africa/Nairobi"));
        List<Slot> takenSlots = taken.equals("none") ? List.of() : Arrays.stream(taken.split(" "))
                .map(span -> new Slot("dr", at(span.split("-")[0]), at(span.split("-")[1]))).toList();

        List<Slot> free = SlotGrid.free(offered, at(now), takenSlots);

        assertEquals(starts(expected), free.stream().map(Slot::start).toList());
    }

    @org.junit.jupiter.api.Test
    void freeSlotsAreThoseNoClaimOverlapsWhateverTheClaimsLengthsAndOrder() {
        Random random = new Random(42);
        Instant monday = MONDAY.atStartOfDay(ZoneId.of("UTC")).toInstant();
        List<Slot> offered = new ArrayList<>();
        for (int minute = 0; minute < 14 * 24 * 60; minute += 5) {
            offered.add(new Slot("dr", monday.plusSeconds(60L * minute), monday.plusSeconds(60L * (minute + 5))));
        }
        for (int round = 0; round < 20; round++) {
            List<Slot> taken = new ArrayList<>();
            for (int i = 0; i < random.nextInt(400); i++) {
                Instant start = monday.plusSeconds(60L * random.nextInt(14 * 24 * 60));
                taken.add(new Slot("dr", start, start.plusSeconds(60L * (1 + random.nextInt(240)))));
            }
            Instant now = monday.plusSeconds(60L * random.nextInt(24 * 60));
            List<Slot> expected = offered.stream().filter(s -> s.start().isAfter(now))
                    .filter(s -> taken.stream().noneMatch(t -> s.start().isBefore(t.end()) && t.start().isBefore(s.end())))
                    .toList();

            assertEquals(expected, SlotGrid.free(offered, now, taken), "round " + round);
        }
    }

    /** Casablanca changes its clocks around Ramadan, London twice a year; Nairobi never: every day of a year. */
    @ParameterizedTest
    @ValueSource(strings = {"Africa/Casablanca", "Europe/London", "Africa/Nairobi"})
    void slotsStartAtTheLocalTimesOfTheDayAcrossClockChanges(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        WeeklySchedule nights = new WeeklySchedule(20, Arrays.stream(DayOfWeek.values())
                .map(day -> new WorkingHours(day, LocalTime.of(0, 0), LocalTime.of(23, 59))).toList());
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            LocalDate date = day;
            List<Instant> expected = new ArrayList<>();
            for (int minute = 0; minute + 20 <= 23 * 60 + 59; minute += 20) {
                Instant start = date.atTime(LocalTime.ofSecondOfDay(minute * 60L)).atZone(zone).toInstant();
                if (!expected.contains(start)) {
                    expected.add(start);
                }
            }
            expected.sort(null);

            assertEquals(expected, SlotGrid.slotsOn("dr", nights, date, List.of(), zone).stream().map(Slot::start).toList(),
                    () -> zoneName + " " + date);
        }
    }

    @org.junit.jupiter.api.Test
    void aDayWithoutWeeklyHoursHasNoSlots() {
        assertEquals(List.of(), SlotGrid.slotsOn("dr", MORNINGS, MONDAY.plusDays(1), List.of(), ZoneId.of("Africa/Nairobi")));
    }

    private static List<ScheduleException> exceptions(String spec) {
        if (spec.equals("none")) {
            return List.of();
        }
        String[] parts = spec.split(" ");
        ExceptionKind kind = ExceptionKind.valueOf(parts[0]);
        if (parts.length == 1) {
            return List.of(new ScheduleException("x", "dr", MONDAY, kind, null, null, null));
        }
        String[] range = parts[1].split("-");
        return List.of(new ScheduleException("x", "dr", MONDAY, kind, LocalTime.parse(range[0]), LocalTime.parse(range[1]), null));
    }

    private static Instant at(String utcTime) {
        return MONDAY.atTime(LocalTime.parse(utcTime)).toInstant(java.time.ZoneOffset.UTC);
    }

    private static List<Instant> starts(String expected) {
        return expected == null ? List.of() : Arrays.stream(expected.trim().split(" +")).map(SlotGridTest::at).toList();
    }
}
