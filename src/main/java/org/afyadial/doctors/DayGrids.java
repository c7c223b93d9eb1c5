package org.afyadial.doctors;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The slots of doctors' days ({@link SlotGrid}), each laid out once per schedule and exceptions of that day: every
 * USSD list of a day's free times, and every booking, laid out the day's slots anew (288 of them for a doctor who
 * consults round the clock in 5-minute slots). A day laid out for another schedule or other leave is laid out
 * again, so nothing here is ever stale.
 */
final class DayGrids {

    /** Days go by: beyond this many, all are dropped and laid out again as asked for. */
    private static final int MAX_DAYS = 2_000;

    private record Day(String doctorId, LocalDate date) {
    }

    private record Grid(WeeklySchedule schedule, List<ScheduleException> exceptions, List<Slot> slots) {
    }

    private final Map<Day, Grid> grids = new ConcurrentHashMap<>();
    private final ZoneId zone;

    DayGrids(ZoneId zone) {
        this.zone = zone;
    }

    /** The doctor's slots on the clinic-local date, given that day's exceptions; an unmodifiable list. */
    List<Slot> slotsOn(Doctor doctor, LocalDate date, List<ScheduleException> exceptionsOfDay) {
        Day day = new Day(doctor.id(), date);
        Grid grid = grids.get(day);
        if (grid == null || !Objects.equals(grid.schedule(), doctor.schedule()) || !grid.exceptions().equals(exceptionsOfDay)) {
            grid = new Grid(doctor.schedule(), List.copyOf(exceptionsOfDay),
                    SlotGrid.slotsOn(doctor.id(), doctor.schedule(), date, exceptionsOfDay, zone));
            if (grids.size() >= MAX_DAYS) {
                grids.clear();
            }
            grids.put(day, grid);
        }
        return grid.slots();
    }
}
