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
import org.afyadial.StaffTokens;
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

/** Through HTTP: alerts and resuming, /health, the notifications list and the simulator's SMS pane. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
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
}
