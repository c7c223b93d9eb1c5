package org.afyadial.appointments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A doctor changes only their own appointments: completing, marking a no-show and cancelling are
 * refused (403, nothing changed) on another doctor's, as confirming and refusing are; the front desk
 * may still mark no-shows and cancel for any doctor.
 */
@MicronautTest(transactional = false)
class DoctorOwnershipTest {

    private static final AtomicInteger PATIENTS = new AtomicInteger();

    /** One for the whole class: the application context, and so its clock, outlives a test instance. */
    private static final MovableClock CLOCK = new MovableClock(FRIDAY_9AM);

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
        return CLOCK;
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            complete | other doctor | 403
            complete | own doctor   | 200
            no-show  | other doctor | 403
            no-show  | own doctor   | 200
            no-show  | receptionist | 200
            cancel   | other doctor | 403
            cancel   | own doctor   | 200
            cancel   | receptionist | 200
            """)
    void aDoctorChangesOnlyTheirOwnAppointments(String action, String caller, int expected) {
        CLOCK.set(FRIDAY_9AM);
        String unique = Long.toString(System.nanoTime(), 36);
        Doctor own = clinic.doctor("Own", "Ownership " + unique, "dr.own." + unique);
        clinic.doctor("Other", "Ownership " + unique, "dr.other." + unique);
        Patient patient = clinic.patient("Imani", "+254706" + String.format("%06d", PATIENTS.incrementAndGet()));
        Appointment booked = appointments.book(patient.id(), own.id(), MONDAY_9AM, null, Channel.STAFF);
        if (action.equals("complete")) {
            appointments.checkIn(booked.id());
        }
        CLOCK.set(MONDAY_9AM.plusSeconds(600));
        String bearer = switch (caller) {
            case "own doctor" -> tokens.bearer("dr.own." + unique, Role.DOCTOR);
            case "other doctor" -> tokens.bearer("dr.other." + unique, Role.DOCTOR);
            default -> tokens.bearer("front.desk", Role.RECEPTIONIST);
        };
        AppointmentStatus before = appointments.get(booked.id()).status();

        int status = answer(HttpRequest.POST("/api/v1/appointments/" + booked.id() + "/" + action,
                Map.of("reason", "called away")).bearerAuth(bearer));

        assertEquals(expected, status);
        if (expected == 403) {
            assertEquals(before, appointments.get(booked.id()).status());
        }
    }

    private int answer(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class)).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
