package org.afyadial.doctors;

import jakarta.inject.Singleton;
import org.afyadial.system.ClinicSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which appointment slots exist and which are free. Slots are laid out on clinic-local days
 * ({@code CLINIC_TIMEZONE}) from each doctor's weekly hours plus extra hours, minus leave; a slot
 * is free when it starts after now and no claim overlaps it. Windows select slots by start:
 * a slot belongs to [from, to) when it starts inside it.
 */
@Singleton
public class FreeSlotFinder {

    /** The longest window the REST API computes free slots for in one request. */
    static final Duration LONGEST_WINDOW = Duration.ofDays(31);

    private static final Comparator<Slot> BY_START_THEN_DOCTOR =
            Comparator.comparing(Slot::start).thenComparing(Slot::doctorId);

    private final DoctorService doctors;
    private final SlotClaims claims;
    private final ZoneId zone;
    private final Clock clock;
    private final DayGrids grids;

    FreeSlotFinder(DoctorService doctors, SlotClaims claims, ClinicSettings clinic, Clock clock) {
        this.doctors = doctors;
        this.claims = claims;
        this.zone = clinic.timezone();
        this.clock = clock;
        this.grids = new DayGrids(zone);
    }

    /** Free slots of one doctor starting in [from, to). */
    public List<Slot> freeSlots(String doctorId, Instant from, Instant to) {
        return freeSlots(List.of(doctors.get(doctorId)), from, to);
    }

    /** Free slots of every doctor of the specialty starting in [from, to), earliest first. */
    public List<Slot> freeSlotsForSpecialty(String specialty, Instant from, Instant to) {
        return freeSlots(doctors.bySpecialty(specialty), from, to);
    }

    /** Free slots of the specialty on one clinic-local day, earliest first. */
    public List<Slot> freeSlotsForSpecialtyOn(String specialty, LocalDate day) {
        return freeSlotsForSpecialty(specialty, startOf(day), startOf(day.plusDays(1)));
    }

    /** Free slots of one doctor on one clinic-local day. */
    public List<Slot> freeSlotsOn(String doctorId, LocalDate day) {
        return freeSlots(doctorId, startOf(day), startOf(day.plusDays(1)));
    }

    /** Clinic-local days, from today through the next {@code days} days, on which the specialty has a free slot. */
    public List<LocalDate> daysWithFreeSlots(String specialty, int days) {
        return daysOf(freeSlotsForSpecialty(specialty, clock.instant(), startOf(today().plusDays(days + 1L))));
    }

    /** Clinic-local days, from today through the next {@code days} days, on which the doctor has a free slot. */
    public List<LocalDate> daysWithFreeSlotsForDoctor(String doctorId, int days) {
        return daysOf(freeSlots(doctorId, clock.instant(), startOf(today().plusDays(days + 1L))));
    }

    /** The slot of the doctor's grid starting exactly at {@code start}, booked or not, past or not. */
    public Optional<Slot> offeredSlotAt(Doctor doctor, Instant start) {
        return offeredSlots(doctor, start, start.plusSeconds(1)).stream().filter(s -> s.start().equals(start)).findFirst();
    }

    /** Every slot of the doctor's grid starting in [from, to), booked or not, past or not. */
    public List<Slot> offeredSlots(Doctor doctor, Instant from, Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate();
        // the last day with a moment before "to": a window ending at midnight does not lay out the next day
        LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
        List<ScheduleException> exceptions = doctors.exceptions(doctor.id(), first, last);
        List<Slot> slots = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate date = day;
            List<ScheduleException> ofDay = exceptions.stream().filter(e -> e.date().equals(date)).toList();
            grids.slotsOn(doctor, date, ofDay).stream()
                    .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                    .forEach(slots::add);
        }
        return slots;
    }

    /** The doctor's slots over a day, week or month around {@code date}, with their state. */
    Calendar calendar(Doctor doctor, CalendarView view, LocalDate date) {
        LocalDate first = view.firstDay(date);
        LocalDate last = view.lastDay(date);
        Instant from = startOf(first);
        Instant to = startOf(last.plusDays(1));
        Instant now = clock.instant();
        TakenTime taken = new TakenTime(claims.claimed(List.of(doctor.id()), from, to));
        List<Calendar.CalendarSlot> slots = offeredSlots(doctor, from, to).stream()
                .map(s -> new Calendar.CalendarSlot(s.start(), s.end(), s.start().isBefore(now) ? Calendar.SlotState.PAST
                        : taken.overlaps(s) ? Calendar.SlotState.TAKEN
                        : Calendar.SlotState.FREE))
                .toList();
        return new Calendar(doctor.id(), view, first, last, from, to, slots, doctors.exceptions(doctor.id(), first, last));
    }

    /** The length of one slot of the doctor. */
    public Duration slotLength(Doctor doctor) {
        return Duration.ofMinutes(doctor.schedule().slotMinutes());
    }

    /** The UTC instant a clinic-local day starts. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Free slots of the doctors starting in [from, to), earliest first; their claims are read in one query. */
    private List<Slot> freeSlots(List<Doctor> team, Instant from, Instant to) {
        Instant now = clock.instant();
        Instant earliest = from.isBefore(now) ? now : from;
        if (!earliest.isBefore(to) || team.isEmpty()) {
            return List.of();
        }
        Duration longestSlot = team.stream().map(this::slotLength).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, List<Slot>> taken = claims.claimed(team.stream().map(Doctor::id).toList(), earliest, to.plus(longestSlot))
                .stream().collect(Collectors.groupingBy(Slot::doctorId));
        return team.stream()
                .flatMap(d -> SlotGrid.free(offeredSlots(d, earliest, to), now, taken.getOrDefault(d.id(), List.of())).stream())
                .sorted(BY_START_THEN_DOCTOR)
                .toList();
    }

    private List<LocalDate> daysOf(List<Slot> slots) {
        return slots.stream().map(s -> s.start().atZone(zone).toLocalDate()).distinct().sorted().toList();
    }
}
