package org.afyadial.sms;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.StaffTokens;
import org.afyadial.patients.Patient;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through HTTP: alerts and resuming, /health, staff SMS and their list, medication reminders, the simulator's SMS pane. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
// this class runs on the wall clock: an empty quiet-hours window keeps staff SMS due whatever the hour
@Property(name = "afyadial.sms.quiet-hours", value = "00:00-00:00")
class SmsOperationsHttpTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffTokens tokens;
    @Inject
    SmsAlerts alerts;
    @Inject
    Outbox outbox;
    @Inject
    SmsDispatcher dispatcher;
    @Inject
    Store store;
    @Inject
    ClinicFixture clinic;

    @BeforeEach
    void clean() {
        store.collection(OutboxStore.COLLECTION).deleteMany(new Document());
        alerts.resumeSending();
    }

    private <T> HttpResponse<T> exchange(MutableHttpRequest<?> request, Role role, Argument<T> type) {
        return http.toBlocking().exchange(request.bearerAuth(tokens.bearer("staff-" + role, role)), type);
    }

    private Map<String, Object> json(MutableHttpRequest<?> request, Role role) {
        return exchange(request, role, Argument.mapOf(String.class, Object.class)).body();
    }

    @Test
    void insufficientBalanceShowsInHealthAndAlertsUntilAnAdminResumes() {
        alerts.pauseSending("the provider reports insufficient balance (405 InsufficientBalance)");

        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
        Map<?, ?> sms = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("sms");
        assertEquals("DEGRADED", sms.get("status"));
        assertEquals("PAUSED", ((Map<?, ?>) sms.get("details")).get("sending"));

        Map<String, Object> list = json(HttpRequest.GET("/api/v1/alerts"), Role.ADMIN);
        List<?> items = (List<?>) list.get("items");
        assertEquals(1, items.size());
        assertEquals("sms-sending", ((Map<?, ?>) items.getFirst()).get("code"));

        var doctor = assertThrows(HttpClientResponseException.class,
                () -> exchange(HttpRequest.POST("/api/v1/alerts/sms-sending/resume", ""), Role.DOCTOR, Argument.STRING));
        assertEquals(HttpStatus.FORBIDDEN, doctor.getStatus());

        assertEquals(HttpStatus.NO_CONTENT, exchange(HttpRequest.POST("/api/v1/alerts/sms-sending/resume", ""), Role.ADMIN, Argument.STRING).getStatus());
        assertEquals(List.of(), json(HttpRequest.GET("/api/v1/alerts"), Role.ADMIN).get("items"));
        var again = assertThrows(HttpClientResponseException.class,
                () -> exchange(HttpRequest.POST("/api/v1/alerts/sms-sending/resume", ""), Role.ADMIN, Argument.STRING));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
    }

    @Test
    void healthIsUpWhileSending() {
        Map<String, Object> health = http.toBlocking().retrieve(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", health.get("status"));
        Map<?, ?> sms = (Map<?, ?>) ((Map<?, ?>) health.get("details")).get("sms");
        assertEquals("UP", sms.get("status"));
    }

    @Test
    void notificationsAreListedByPatientAndStatus() {
        outbox.queue(SmsRequest.now("n:1", "patient-a", "+254700000001", "en", "first", MessageKind.STAFF));
        outbox.queue(SmsRequest.now("n:2", "patient-a", "+254700000001", "en", "second", MessageKind.STAFF));
        outbox.queue(SmsRequest.now("n:3", "patient-b", "+254700000002", "en", "other", MessageKind.STAFF));
        dispatcher.dispatchDue();
        outbox.queue(SmsRequest.now("n:4", "patient-a", "+254700000001", "en", "later", MessageKind.STAFF));

        Map<String, Object> all = json(HttpRequest.GET("/api/v1/notifications?patientId=patient-a"), Role.RECEPTIONIST);
        assertEquals(3, ((Number) all.get("total")).intValue());
        Map<String, Object> queued = json(HttpRequest.GET("/api/v1/notifications?patientId=patient-a&status=QUEUED"), Role.DOCTOR);
        List<?> items = (List<?>) queued.get("items");
        assertEquals(1, items.size());
        Map<?, ?> later = (Map<?, ?>) items.getFirst();
        assertEquals("later", later.get("text"));
        assertEquals("GSM_7", later.get("encoding"));
        assertEquals(1, later.get("segments"));

        var pharmacist = assertThrows(HttpClientResponseException.class,
                () -> exchange(HttpRequest.GET("/api/v1/notifications"), Role.PHARMACIST, Argument.STRING));
        assertEquals(HttpStatus.FORBIDDEN, pharmacist.getStatus());
        var badStatus = assertThrows(HttpClientResponseException.class,
                () -> exchange(HttpRequest.GET("/api/v1/notifications?status=LOST"), Role.ADMIN, Argument.STRING));
        assertEquals(HttpStatus.BAD_REQUEST, badStatus.getStatus());
        var badSize = assertThrows(HttpClientResponseException.class,
                () -> exchange(HttpRequest.GET("/api/v1/notifications?size=1000"), Role.ADMIN, Argument.STRING));
        assertEquals(HttpStatus.BAD_REQUEST, badSize.getStatus());
    }

    @Test
    void theSimulatorPaneShowsWhatThePhoneGotInDevMode() {
        outbox.queue(SmsRequest.now("sim:1", null, "+254700000009", "fr", "Votre rendez-vous à l’hôpital", MessageKind.REPLY));
        assertEquals(1, dispatcher.dispatchDue(), "without AT_API_KEY the local sender accepts it");

        List<Map<String, Object>> pane = http.toBlocking().retrieve(HttpRequest.GET("/simulator/sms?phone=0700000009"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertEquals(1, pane.size());
        assertEquals("+254700000009", pane.getFirst().get("to"));
        assertEquals("Votre rendez-vous à l'hopital", pane.getFirst().get("text"), "transliterated to stay GSM-7");
        assertEquals("SENT", pane.getFirst().get("status"));
        assertTrue(pane.getFirst().containsKey("createdAt"));
    }

    private Patient somePatient() {
        String unique = Long.toString(System.nanoTime());
        return clinic.patient("Baraka", "+254722" + unique.substring(unique.length() - 6));
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request, Role role) {
        return assertThrows(HttpClientResponseException.class, () -> exchange(request, role, Argument.STRING));
    }

    @Test
    void staffSendAnSmsToAPatientOnceWhateverTheRetries() {
        Patient patient = somePatient();
        Map<String, Object> body = Map.of("patientId", patient.id(), "text", "Your lab results are ready.", "idempotencyKey", "lab-1");

        HttpResponse<Map<String, Object>> first = exchange(HttpRequest.POST("/api/v1/notifications/sms", body), Role.RECEPTIONIST,
                Argument.mapOf(String.class, Object.class));
        Map<String, Object> again = json(HttpRequest.POST("/api/v1/notifications/sms", body), Role.DOCTOR);

        assertEquals(HttpStatus.ACCEPTED, first.getStatus());
        assertEquals(first.body().get("id"), again.get("id"));
        assertEquals(patient.phone(), again.get("phone"));
        assertEquals("QUEUED", again.get("status"));
        assertEquals("STAFF", again.get("kind"));
        assertEquals(1, ((Number) json(HttpRequest.GET("/api/v1/notifications?patientId=" + patient.id()), Role.ADMIN).get("total")).intValue());
    }

    @Test
    void staffSmsRequestsAreValidated() {
        Patient patient = somePatient();
        var blank = refused(HttpRequest.POST("/api/v1/notifications/sms", Map.of("patientId", patient.id(), "text", " ")), Role.ADMIN);
        assertEquals(HttpStatus.BAD_REQUEST, blank.getStatus());
        assertTrue(blank.getResponse().getBody(String.class).orElseThrow().contains("\"text\""));
        var unknown = refused(HttpRequest.POST("/api/v1/notifications/sms", Map.of("patientId", "5f0000000000000000000000", "text", "hi")), Role.ADMIN);
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
        var lab = refused(HttpRequest.POST("/api/v1/notifications/sms", Map.of("patientId", patient.id(), "text", "hi")), Role.LAB);
        assertEquals(HttpStatus.FORBIDDEN, lab.getStatus());
    }

    @Test
    void doctorsAndPharmacistsSetUpMedicationReminders() {
        Patient patient = somePatient();
        String path = "/api/v1/patients/" + patient.id() + "/medication-reminders";
        Map<String, Object> body = Map.of("drug", "Metformin", "dose", "850 mg", "timesOfDay", List.of("07:30", "19:30"), "days", 30);

        HttpResponse<Map<String, Object>> created = exchange(HttpRequest.POST(path, body), Role.PHARMACIST, Argument.mapOf(String.class, Object.class));

        assertEquals(HttpStatus.CREATED, created.getStatus());
        assertEquals(List.of("07:30:00", "19:30:00"), created.body().get("timesOfDay"));
        assertEquals("ACTIVE", created.body().get("status"));
        List<?> items = (List<?>) json(HttpRequest.GET(path), Role.RECEPTIONIST).get("items");
        assertEquals(1, items.size());
        assertTrue(store.collection(OutboxStore.COLLECTION).countDocuments(new Document("patientId", patient.id())) >= 58);

        assertEquals(HttpStatus.FORBIDDEN, refused(HttpRequest.POST(path, body), Role.RECEPTIONIST).getStatus());
        var invalid = refused(HttpRequest.POST(path, Map.of("drug", "", "dose", "1 tab", "timesOfDay", List.of(), "days", 365)), Role.DOCTOR);
        assertEquals(HttpStatus.BAD_REQUEST, invalid.getStatus());
        String problem = invalid.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("\"drug\"") && problem.contains("\"timesOfDay\"") && problem.contains("\"days\""), problem);
        var unknown = refused(HttpRequest.POST("/api/v1/patients/5f0000000000000000000000/medication-reminders", body), Role.DOCTOR);
        assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
    }
}
