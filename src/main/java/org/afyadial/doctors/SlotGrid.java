package org.afyadial.doctors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The slots a schedule lays out on one clinic-local day: weekly hours plus extra hours, cut into
 * slot-length pieces, minus leave. Pure arithmetic, so it is tested without a store.
 */
final class SlotGrid {

    private SlotGrid() {
    }

    static List<Slot> slotsOn(String doctorId, WeeklySchedule schedule, LocalDate date,
                              List<ScheduleException> exceptionsOfDay, ZoneId zone) {
        if (exceptionsOfDay.stream().anyMatch(e -> e.kind() == ExceptionKind.LEAVE && e.wholeDay())) {
            return List.of();
        }
        List<Span> working = new ArrayList<>();
        schedule.on(date.getDayOfWeek()).forEach(h -> working.add(new Span(h.from(), h.to())));
        exceptionsOfDay.stream().filter(e -> e.kind() == ExceptionKind.EXTRA_HOURS)
                .forEach(e -> working.add(new Span(e.from(), e.to())));
        List<Span> leave = exceptionsOfDay.stream().filter(e -> e.kind() == ExceptionKind.LEAVE)
                .map(e -> new Span(e.from(), e.to())).toList();

        int minutes = schedule.slotMinutes();
        Map<Instant, Slot> byStart = new TreeMap<>(); // extra hours may overlap weekly hours: one slot per start
        for (Span span : working) {
            for (int m = span.fromMinute(); m + minutes <= span.toMinute(); m += minutes) {
                int start = m;
                if (leave.stream().noneMatch(l -> l.overlaps(start, start + minutes))) {
                    Instant at = date.atTime(LocalTime.ofSecondOfDay(start * 60L)).atZone(zone).toInstant();
                    byStart.put(at, new Slot(doctorId, at, at.plus(Duration.ofMinutes(minutes))));
                }
            }
        }
        return List.copyOf(byStart.values());
    }

    /** The offered slots that start after {@code now} (a slot starting now can no longer be booked) and overlap no taken time. */
    static List<Slot> free(List<Slot> offered, Instant now, List<Slot> taken) {
        TakenTime claimed = new TakenTime(taken);
        return offered.stream()
                .filter(s -> s.start().isAfter(now))
                .filter(s -> !claimed.overlaps(s))
                .toList();
    }

    /** A span of clinic-local minutes within one day. */
    private record Span(LocalTime from, LocalTime to) {
        int fromMinute() {
            return from.getHour() * 60 + from.getMinute();
        }

        int toMinute() {
            return to.getHour() * 60 + to.getMinute();
        }

        boolean overlaps(int startMinute, int endMinute) {
            return startMinute < toMinute() && fromMinute() < endMinute;
        }
    }
}
