package org.afyadial.doctors;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

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
        IntFunction<Instant> at = instantsOf(date, zone);
        List<Slot> slots = new ArrayList<>();
        for (Span span : working) {
            for (int m = span.fromMinute(); m + minutes <= span.toMinute(); m += minutes) {
                if (!onLeave(leave, m, m + minutes)) {
                    Instant start = at.apply(m);
                    slots.add(new Slot(doctorId, start, start.plusSeconds(minutes * 60L)));
                }
            }
        }
        return inOrderOncePerStart(slots);
    }

    /** Extra hours may overlap weekly hours, and a clock change may give two local times the same instant. */
    private static List<Slot> inOrderOncePerStart(List<Slot> slots) {
        slots.sort(Comparator.comparing(Slot::start));
        List<Slot> once = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            if (once.isEmpty() || !once.getLast().start().equals(slot.start())) {
                once.add(slot);
            }
        }
        return Collections.unmodifiableList(once);
    }

    private static boolean onLeave(List<Span> leave, int startMinute, int endMinute) {
        for (Span span : leave) {
            if (span.overlaps(startMinute, endMinute)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Clinic-local minutes of the day as instants. Without a clock change from the day before through the day (none
     * in most African zones) a minute is a plain offset from midnight; otherwise each one goes through the zone's rules.
     */
    private static IntFunction<Instant> instantsOf(LocalDate date, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        Instant midnight = date.atStartOfDay(zone).toInstant();
        ZoneOffsetTransition change = rules.nextTransition(midnight.minus(Duration.ofDays(1)));
        if (change == null || !change.getInstant().isBefore(date.plusDays(1).atStartOfDay(zone).toInstant())) {
            long epochSecond = midnight.getEpochSecond();
            return minute -> Instant.ofEpochSecond(epochSecond + minute * 60L);
        }
        return minute -> date.atTime(LocalTime.ofSecondOfDay(minute * 60L)).atZone(zone).toInstant();
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
