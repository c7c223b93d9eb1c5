package org.afyadial.appointments;

import jakarta.inject.Singleton;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.FreeSlotFinder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.afyadial.appointments.AppointmentStatus.CANCELLED;
import static org.afyadial.appointments.AppointmentStatus.CHECKED_IN;
import static org.afyadial.appointments.AppointmentStatus.COMPLETED;
import static org.afyadial.appointments.AppointmentStatus.NO_SHOW;
import static org.afyadial.appointments.AppointmentStatus.RESCHEDULED;

/** Counts for {@code GET /api/v1/stats/appointments}. */
@Singleton
class AppointmentStatistics {

    private final AppointmentRepository repository;
    private final DoctorService doctors;
    private final FreeSlotFinder slots;

    AppointmentStatistics(AppointmentRepository repository, DoctorService doctors, FreeSlotFinder slots) {
        this.repository = repository;
        this.doctors = doctors;
        this.slots = slots;
    }

    AppointmentStats between(Instant from, Instant to) {
        List<Appointment> appointments = repository.startingBetween(from, to);
        Map<AppointmentStatus, Long> counts = new EnumMap<>(AppointmentStatus.class);
        for (AppointmentStatus status : AppointmentStatus.values()) {
            counts.put(status, appointments.stream().filter(a -> a.status() == status).count());
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((status, count) -> byStatus.put(status.name(), count));

        long kept = appointments.size() - counts.get(RESCHEDULED);
        long expected = counts.get(NO_SHOW) + counts.get(CHECKED_IN) + counts.get(COMPLETED);
        return new AppointmentStats(from, to, appointments.size(), byStatus, rate(counts.get(CANCELLED), kept),
                rate(counts.get(NO_SHOW), expected), utilization(appointments, from, to));
    }

    private List<AppointmentStats.DoctorUtilization> utilization(List<Appointment> appointments, Instant from, Instant to) {
        Map<String, Long> booked = appointments.stream().filter(a -> a.status().holdsSlot())
                .collect(Collectors.groupingBy(Appointment::doctorId, Collectors.counting()));
        return doctors.list().stream().map(d -> {
            long available = slots.offeredSlots(d, from, to).size();
            long taken = booked.getOrDefault(d.id(), 0L);
            return new AppointmentStats.DoctorUtilization(d.id(), d.displayName(), taken, available, rate(taken, available));
        }).toList();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
