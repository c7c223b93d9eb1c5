package org.afyadial.appointments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Listing appointments with filters, pages and order, and the statistics over a week. */
@MicronautTest(transactional = false)
class AppointmentListAndStatsTest {

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    AppointmentService appointments;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private Map<String, Object> get(String path, Role role) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(tokens.bearer("someone", role)),
                Argument.mapOf(String.class, Object.class));
    }

    private static Instant at(int slot) {
        return MONDAY_9AM.plus(Duration.ofMinutes(30L * slot));
    }

    @Test
    void aWeekOfAppointmentsListedAndCounted() {
        Doctor doctor = clinic.doctor("Busy", "Statistics", "dr.busy");
        Doctor idle = clinic.doctor("Idle", "Statistics", "dr.idle");
        Patient patient = clinic.patient("Regular", "+254745000001");
        Appointment completed = appointments.book(patient.id(), doctor.id(), at(0), null, Channel.USSD);
        Appointment noShow = appointments.book(patient.id(), doctor.id(), at(1), null, Channel.USSD);
        Appointment cancelled = appointments.book(patient.id(), doctor.id(), at(2), null, Channel.USSD);
        Appointment moved = appointments.book(patient.id(), doctor.id(), at(3), null, Channel.USSD);
        appointments.cancelByStaff(cancelled.id(), "clinic closed", null);
        appointments.reschedule(moved.id(), at(4), null);
        clock.set(at(2));
        appointments.checkIn(completed.id());
        appointments.complete(completed.id(), doctor.username());
        appointments.noShow(noShow.id(), null);

        Map<String, Object> page = get("/api/v1/appointments?doctorId=" + doctor.id() + "&sort=start,desc&size=2", Role.RECEPTIONIST);
        assertEquals(5, ((Number) page.get("total")).intValue());
        assertEquals(List.of(at(4).toString(), at(3).toString()), starts(page));
        assertEquals(List.of(at(2).toString()), starts(get("/api/v1/appointments?patientId=" + patient.id() + "&status=CANCELLED", Role.DOCTOR)));
        assertEquals(List.of(at(1).toString(), at(2).toString()), starts(get("/api/v1/appointments?doctorId=" + doctor.id()
                + "&from=" + at(1) + "&to=" + at(3), Role.ADMIN)));

        Map<String, Object> stats = get("/api/v1/stats/appointments?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z", Role.HEALTH_AUTHORITY);

        assertEquals(5, ((Number) stats.get("total")).intValue());
        Map<?, ?> byStatus = (Map<?, ?>) stats.get("byStatus");
        assertEquals(List.of(0, 1, 0, 0, 1, 1, 1, 1), countsInEnumOrder(byStatus));
        assertEquals(0.25, ((Number) stats.get("cancellationRate")).doubleValue(), "1 cancelled of 4 not rescheduled");
        assertEquals(0.5, ((Number) stats.get("noShowRate")).doubleValue(), "1 no-show of 2 expected");
        List<?> doctors = (List<?>) stats.get("doctors");
        Map<?, ?> busy = doctors.stream().map(d -> (Map<?, ?>) d).filter(d -> d.get("doctorId").equals(doctor.id())).findFirst().orElseThrow();
        assertEquals(3, ((Number) busy.get("bookedSlots")).intValue(), "completed, no-show and the replacement of the rescheduled one");
        assertEquals(5 * 8, ((Number) busy.get("availableSlots")).intValue());
        assertEquals(0.075, ((Number) busy.get("utilization")).doubleValue());
        Map<?, ?> quiet = doctors.stream().map(d -> (Map<?, ?>) d).filter(d -> d.get("doctorId").equals(idle.id())).findFirst().orElseThrow();
        assertEquals(0, ((Number) quiet.get("bookedSlots")).intValue());
    }

    private static List<String> starts(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().map(a -> (String) ((Map<?, ?>) a).get("start")).toList();
    }

    private static List<Integer> countsInEnumOrder(Map<?, ?> byStatus) {
        return Arrays.stream(AppointmentStatus.values()).map(s -> ((Number) byStatus.get(s.name())).intValue()).toList();
    }
}
