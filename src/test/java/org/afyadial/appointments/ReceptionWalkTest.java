package org.afyadial.appointments;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.patients.Channel;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done when" walk of the clinic API, with bookings waiting for the doctor: an admin and a
 * receptionist set up a doctor and a patient, book, fail to double-book, the doctor confirms,
 * the patient may not cancel inside the window, the receptionist cancels with a reason, and the
 * audit log holds each step.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.appointments.auto-confirm", value = "false")
class ReceptionWalkTest {

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    AppointmentService appointments;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

    private Map<String, Object> call(MutableHttpRequest<?> request, String bearer, HttpStatus expected) {
        var response = client().exchange(request.bearerAuth(bearer), Argument.mapOf(String.class, Object.class));
        assertEquals(expected, response.getStatus());
        return response.body();
    }

    @Test
    void aReceptionistsDay() {
        String admin = tokens.bearer("admin", Role.ADMIN);
        String reception = tokens.bearer("rose.reception", Role.RECEPTIONIST);
        String doctor = tokens.bearer("dr.kamau", Role.DOCTOR);

        call(HttpRequest.POST("/api/v1/specialties", Map.of("name", "General Medicine")), admin, HttpStatus.CREATED);
        Map<String, Object> kamau = call(HttpRequest.POST("/api/v1/doctors", Map.of(
                "firstName", "Daniel", "lastName", "Kamau", "specialty", "general-medicine", "phone", "0722000111",
                "fee", Map.of("amount", "1500.00"), "username", "dr.kamau")), admin, HttpStatus.CREATED);
        String doctorId = (String) kamau.get("id");
        assertEquals(Map.of("amount", 1500.00, "currency", "KES"), kamau.get("fee"));
        call(HttpRequest.PUT("/api/v1/doctors/" + doctorId + "/schedule", Map.of("slotMinutes", 30, "hours", List.of(
                Map.of("day", "MONDAY", "from", "08:00", "to", "12:00")))), reception, HttpStatus.OK);

        Map<String, Object> patient = call(HttpRequest.POST("/api/v1/patients", Map.of(
                "firstName", "Wairimu", "lastName", "Njeri", "phone", "0711 222 333", "birthYear", 1988, "sex", "F",
                "language", "sw", "allergies", List.of("penicillin"), "bloodType", "O+", "smsOptIn", true)), reception, HttpStatus.CREATED);
        String patientId = (String) patient.get("id");
        assertEquals("+254711222333", patient.get("phone"));
        assertTrue(((String) patient.get("identifier")).matches("AFD-PT-\\d{6}"));

        Map<String, Object> slots = call(HttpRequest.GET("/api/v1/doctors/" + doctorId + "/slots?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z"),
                reception, HttpStatus.OK);
        assertEquals(8, ((List<?>) slots.get("items")).size());

        Map<String, Object> booking = Map.of("patientId", patientId, "doctorId", doctorId, "start", MONDAY_9AM.toString(), "reason", "cough");
        Map<String, Object> booked = call(HttpRequest.POST("/api/v1/appointments", booking), reception, HttpStatus.CREATED);
        String appointmentId = (String) booked.get("id");
        assertEquals("REQUESTED", booked.get("status"));
        assertEquals("2026-11-23T06:30:00Z", booked.get("end"));

        var doubleBooked = assertThrows(HttpClientResponseException.class,
                () -> client().exchange(HttpRequest.POST("/api/v1/appointments", booking).bearerAuth(reception)));
        assertEquals(HttpStatus.CONFLICT, doubleBooked.getStatus());

        Map<String, Object> confirmed = call(HttpRequest.POST("/api/v1/appointments/" + appointmentId + "/confirm", ""), doctor, HttpStatus.OK);
        assertEquals("CONFIRMED", confirmed.get("status"));
        var twice = assertThrows(HttpClientResponseException.class, () -> client().exchange(
                HttpRequest.POST("/api/v1/appointments/" + appointmentId + "/confirm", "").bearerAuth(doctor)));
        assertEquals(HttpStatus.CONFLICT, twice.getStatus());
        assertTrue(twice.getResponse().getBody(String.class).orElseThrow().contains("allowed: CANCELLED, CHECKED_IN, NO_SHOW, RESCHEDULED"));

        clock.set(MONDAY_9AM.minus(Duration.ofHours(3)));
        var refused = assertThrows(CancellationWindowClosed.class, () -> appointments.cancelByPatient(appointmentId, patientId, Channel.USSD));
        assertTrue(refused.getMessage().contains("24 hours"));

        Map<String, Object> cancelled = call(HttpRequest.POST("/api/v1/appointments/" + appointmentId + "/cancel",
                Map.of("reason", "Doctor called to theatre")), reception, HttpStatus.OK);
        assertEquals("CANCELLED", cancelled.get("status"));
        assertEquals("Doctor called to theatre", cancelled.get("cancelReason"));

        assertEquals(List.of(
                "rose.reception patient.create " + patientId,
                "rose.reception appointment.book " + patientId,
                "system bill.create " + patientId,
                "dr.kamau appointment.confirmed " + patientId,
                "rose.reception appointment.cancelled " + patientId,
                "system bill.void " + patientId), auditOf(patientId));
    }

    @Test
    void anotherDoctorMayNotRefuseIt() {
        String admin = tokens.bearer("admin", Role.ADMIN);
        call(HttpRequest.POST("/api/v1/specialties", Map.of("name", "Dental")), admin, HttpStatus.CREATED);
        String doctorId = (String) call(HttpRequest.POST("/api/v1/doctors", Map.of("firstName", "Faith", "lastName", "Chebet",
                "specialty", "dental", "fee", Map.of("amount", 2000), "username", "dr.chebet",
                "schedule", Map.of("slotMinutes", 30, "hours", List.of(Map.of("day", "MONDAY", "from", "08:00", "to", "10:00"))))),
                admin, HttpStatus.CREATED).get("id");
        String patientId = (String) call(HttpRequest.POST("/api/v1/patients", Map.of("firstName", "Ali", "lastName", "Omar",
                "phone", "+254733444555", "language", "en")), admin, HttpStatus.CREATED).get("id");
        String appointmentId = (String) call(HttpRequest.POST("/api/v1/appointments", Map.of("patientId", patientId,
                "doctorId", doctorId, "start", MONDAY_9AM.toString())), admin, HttpStatus.CREATED).get("id");

        var notYours = assertThrows(HttpClientResponseException.class, () -> client().exchange(
                HttpRequest.POST("/api/v1/appointments/" + appointmentId + "/refuse", Map.of("reason", "no"))
                        .bearerAuth(tokens.bearer("dr.someone-else", Role.DOCTOR))));
        assertEquals(HttpStatus.FORBIDDEN, notYours.getStatus());
    }

    private List<String> auditOf(String patientId) {
        List<String> lines = new ArrayList<>();
        store.collection("audit_log").find(new Document("patientId", patientId)).sort(new Document("at", 1))
                .forEach(e -> lines.add(e.getString("actor") + " " + e.getString("action") + " " + e.getString("patientId")));
        return lines.stream().filter(l -> !l.contains(".read")).toList();
    }
}
