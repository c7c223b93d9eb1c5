package org.afyadial.ussd;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patient who forgot the PIN: reception resets it after an identity check ({@code POST
 * /api/v1/patients/{id}/pin-reset}, audited with the check), which also lifts the phone's lock; the next dial asks
 * the patient for a new PIN, twice. A patient staff registered without a PIN chooses a first one the same way.
 */
@MicronautTest(transactional = false)
class PinResetTest {

    private static final String HOME = "CON AfyaDial Clinic. Hello Amina";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    PatientService patients;

    @Inject
    StaffTokens tokens;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T07:10:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aResetPinIsChosenAgainAtTheNextDialAndTheLockIsLifted() {
        Patient patient = patients.register(PatientDetails.minimal("Amina", "Otieno", "+254745000001", Language.en),
                "1234", Channel.STAFF);
        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone());
        phone.dial();
        phone.type("2");
        phone.type("0000");
        phone.type("1111");
        assertEquals(UssdPinLockTest.LOCKED, phone.type("2222"));

        Map<String, Object> reset = resetPin(patient.id(), "{\"identityCheck\": \"national ID seen\"}");
        assertEquals(false, reset.get("hasPin"));

        assertEquals("CON Amina, your PIN was reset. Choose a new 4-digit PIN:", phone.dial());
        assertTrue(phone.type("5678").startsWith("CON Enter the same PIN again:\n0 Back 00 Menu"));
        assertTrue(phone.type("5679").startsWith("CON The two PINs differ. Choose a new 4-digit PIN:"));
        assertTrue(phone.type("5678").startsWith("CON Enter the same PIN again:"));
        assertTrue(phone.type("5678").startsWith(HOME), "the new PIN is kept");
        assertTrue(phone.type("2").startsWith("END You have no upcoming appointments."), "the PIN was just given");

        assertTrue(phone.dial().startsWith(HOME), "asked only once");
        phone.type("2");
        assertTrue(phone.type("1234").startsWith("CON Wrong PIN."), "the forgotten PIN is gone");
        assertTrue(phone.type("5678").startsWith("END You have no upcoming appointments."));
    }

    @Test
    void aPatientStaffRegisteredWithoutAPinChoosesOneTwiceAtTheFirstDial() {
        Map<String, Object> registered = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/patients", Map.of("firstName", "Zuberi",
                "lastName", "Otieno", "phone", "0745 000 004", "language", "en", "smsOptIn", true))
                .bearerAuth(tokens.bearer("reception.desk", Role.RECEPTIONIST)), Argument.mapOf(String.class, Object.class));
        assertEquals(false, registered.get("hasPin"));
        UssdPhone phone = new UssdPhone(http.toBlocking(), "+254745000004");

        assertEquals("CON Zuberi, welcome to AfyaDial Clinic. Choose a 4-digit PIN to protect your records:", phone.dial());
        assertTrue(phone.type("4321").startsWith("CON Enter the same PIN again:\n0 Back 00 Menu"));
        assertTrue(phone.type("4320").startsWith("CON The two PINs differ. Choose a new 4-digit PIN:"));
        assertTrue(phone.type("4321").startsWith("CON Enter the same PIN again:"));
        assertTrue(phone.type("4321").startsWith("CON AfyaDial Clinic. Hello Zuberi"), "the PIN is kept");
        assertTrue(phone.type("2").startsWith("END You have no upcoming appointments."), "the PIN was just given");

        assertTrue(phone.dial().startsWith("CON AfyaDial Clinic. Hello Zuberi"), "chosen once");
        phone.type("2");
        assertTrue(phone.type("4321").startsWith("END You have no upcoming appointments."));
        assertTrue(patients.verifyPin((String) registered.get("id"), "4321"));
    }

    @Test
    void theResetIsAuditedWithTheStaffMemberAndTheIdentityCheck() {
        Patient patient = patients.register(PatientDetails.minimal("Baraka", "Otieno", "+254745000002", Language.en),
                "1234", Channel.STAFF);
        resetPin(patient.id(), "{\"identityCheck\": \"national ID seen\"}");

        Map<String, Object> audit = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit?patientId=" + patient.id())
                .bearerAuth(tokens.bearer("audit.reader", Role.ADMIN)), Argument.mapOf(String.class, Object.class));
        Map<?, ?> entry = ((List<?>) audit.get("items")).stream().map(Map.class::cast)
                .filter(e -> "patient.pin-reset".equals(e.get("action"))).findFirst().orElseThrow();
        assertEquals("reception.desk", entry.get("actor"));
        assertEquals("RECEPTIONIST", entry.get("role"));
        assertEquals("national ID seen", entry.get("note"));
    }

    @Test
    void aResetNeedsTheIdentityCheck() {
        Patient patient = patients.register(PatientDetails.minimal("Neema", "Otieno", "+254745000003", Language.en),
                "1234", Channel.STAFF);
        for (String body : List.of("{}", "{\"identityCheck\": \"  \"}")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> resetPin(patient.id(), body), body);
            assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        }
        assertTrue(patients.verifyPin(patient.id(), "1234"), "the PIN stays");
        assertFalse(patients.get(patient.id()).newPinDue());
    }

    private Map<String, Object> resetPin(String patientId, String body) {
        return http.toBlocking().retrieve(HttpRequest.POST("/api/v1/patients/" + patientId + "/pin-reset", body)
                .contentType("application/json").bearerAuth(tokens.bearer("reception.desk", Role.RECEPTIONIST)),
                Argument.mapOf(String.class, Object.class));
    }
}
