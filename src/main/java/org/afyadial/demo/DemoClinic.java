package org.afyadial.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.doctors.DoctorDetails;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.Fee;
import org.afyadial.doctors.WeeklySchedule;
import org.afyadial.doctors.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

/**
 * {@code AFYADIAL_DEMO_DATA=true}: a small clinic to try the menus and the API on, loaded at startup.
 * Specialties are keyed by code and doctors by username, so a restart (or a second instance)
 * adds nothing twice. Weekly schedules give free slots every day but Sunday.
 */
@Singleton
@Requires(property = "afyadial.demo-data", value = "true")
class DemoClinic {

    private static final Logger LOG = LoggerFactory.getLogger(DemoClinic.class);
    private static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

    private record DemoDoctor(String username, String firstName, String lastName, String specialty, String phone,
                              String fee, WeeklySchedule schedule) {
    }

    private static final List<String> SPECIALTIES = List.of("General Medicine", "Paediatrics", "Mother & Child", "Dental");

    private static final List<DemoDoctor> DOCTORS = List.of(
            new DemoDoctor("demo.wanjiru", "Grace", "Wanjiru", "general-medicine", "+254700100001", "1000.00",
                    schedule(20, WEEKDAYS, "08:00", "12:00", "14:00", "17:00")),
            new DemoDoctor("demo.otieno", "Peter", "Otieno", "general-medicine", "+254700100002", "1000.00",
                    schedule(20, List.of(MONDAY, WEDNESDAY, FRIDAY, SATURDAY), "09:00", "13:00")),
            new DemoDoctor("demo.achieng", "Mary", "Achieng", "paediatrics", "+254700100003", "1500.00",
                    schedule(30, WEEKDAYS, "08:30", "12:30")),
            new DemoDoctor("demo.mwangi", "John", "Mwangi", "mother-child", "+254700100004", "1200.00",
                    schedule(30, List.of(TUESDAY, THURSDAY, SATURDAY), "08:00", "12:00", "13:00", "16:00")),
            new DemoDoctor("demo.hassan", "Amina", "Hassan", "dental", "+254700100005", "2000.00",
                    schedule(45, WEEKDAYS, "09:00", "16:30")));

    private final DoctorService doctors;

    DemoClinic(DoctorService doctors) {
        this.doctors = doctors;
    }

    @EventListener
    void load(StartupEvent startup) {
        SPECIALTIES.forEach(this::ensureSpecialty);
        DOCTORS.forEach(this::ensureDoctor);
        LOG.info("Demo clinic ready: {} specialties, {} doctors", doctors.specialties().size(), doctors.list().size());
    }

    private void ensureSpecialty(String name) {
        if (doctors.findSpecialty(DoctorService.slug(name)).isEmpty()) {
            insertOnce(() -> doctors.createSpecialty(name));
        }
    }

    private void ensureDoctor(DemoDoctor demo) {
        if (doctors.findByUsername(demo.username()).isEmpty()) {
            insertOnce(() -> doctors.create(new DoctorDetails(demo.firstName(), demo.lastName(), demo.specialty(),
                    demo.phone(), new Fee(new BigDecimal(demo.fee()), null), demo.username(), demo.schedule())));
        }
    }

    /** Another instance starting at the same time may insert first; its unique key says so. */
    private static void insertOnce(Runnable insert) {
        try {
            insert.run();
        } catch (DataAccessException e) {
            LOG.info("Demo record already inserted by another instance: {}", e.getMessage());
        }
    }

    /** The same hours on each of the days; {@code ranges} are pairs of clinic-local times. */
    private static WeeklySchedule schedule(int slotMinutes, List<DayOfWeek> days, String... ranges) {
        List<WorkingHours> hours = days.stream().flatMap(day -> Stream.iterate(0, i -> i < ranges.length, i -> i + 2)
                .map(i -> new WorkingHours(day, LocalTime.parse(ranges[i]), LocalTime.parse(ranges[i + 1])))).toList();
        return new WeeklySchedule(slotMinutes, hours);
    }
}
