package org.afyadial.appointments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.SlotTaken;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 100 bookings of one doctor's slot at the same moment: exactly one wins, 99 are told the slot is taken. */
@MicronautTest(transactional = false)
class DoubleBookingTest {

    private static final int CONTENDERS = 100;

    @Inject
    AppointmentService appointments;

    @Inject
    ClinicFixture clinic;

    @Inject
    Store store;

    @Inject
    StaffTokens tokens;

    @Inject
    @Client("/")
    HttpClient http;

    @MockBean(Clock.class)
    Clock clock() {
        return new MovableClock(FRIDAY_9AM);
    }

    @Test
    void throughTheService() {
        Doctor doctor = clinic.doctor("Achieng", "Contended", "dr.achieng");
        Patient patient = clinic.patient("Eager", "+254712000001");

        List<String> outcomes = race(() -> {
            try {
                appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
                return "booked";
            } catch (SlotTaken e) {
                return "taken";
            }
        });

        assertEquals(1, outcomes.stream().filter("booked"::equals).count());
        assertEquals(CONTENDERS - 1, outcomes.stream().filter("taken"::equals).count());
        assertEquals(1, store.collection("appointments").countDocuments(new Document("doctorId", doctor.id())));
    }

    @Test
    void throughHttp() {
        Doctor doctor = clinic.doctor("Odhiambo", "Contended over HTTP", "dr.odhiambo");
        Patient patient = clinic.patient("Eager", "+254712000002");
        String bearer = tokens.bearer("reception", Role.RECEPTIONIST);
        Map<String, Object> booking = Map.of("patientId", patient.id(), "doctorId", doctor.id(), "start", MONDAY_9AM.toString());

        List<String> outcomes = race(() -> {
            try {
                return http.toBlocking().exchange(HttpRequest.POST("/api/v1/appointments", booking).bearerAuth(bearer)).getStatus().name();
            } catch (HttpClientResponseException e) {
                return e.getStatus().name();
            }
        });

        assertEquals(1, outcomes.stream().filter(HttpStatus.CREATED.name()::equals).count(), outcomes.toString());
        assertEquals(CONTENDERS - 1, outcomes.stream().filter(HttpStatus.CONFLICT.name()::equals).count(), outcomes.toString());
        assertEquals(1, store.collection("appointments").countDocuments(new Document("doctorId", doctor.id())));
    }

    private static List<String> race(Callable<String> booking) {
        return AllAtOnce.run(CONTENDERS, booking);
    }
}
