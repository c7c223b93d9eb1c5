package org.afyadial.sms;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.appointments.AppointmentStatus;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's SMS pane through HTTP: the patient answers by text from the page and gets the answer a
 * text through Africa's Talking gets; the pane shows each message's status and when a reminder is due.
 * Friday 20 Nov 09:00 Nairobi is 06:00 UTC; the visit is on Monday 09:00.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
class SimulatorSmsReplyTest {

    static final Instant FRIDAY_9AM = Instant.parse("2026-11-20T06:00:00Z");
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ClinicFixture clinic;
    @Inject
    PatientService patients;
    @Inject
    AppointmentService appointments;

    Doctor doctor;
    Patient patient;

    @BeforeEach
    void clinic() {
        clock.set(FRIDAY_9AM);
        String unique = Long.toString(System.nanoTime());
        doctor = clinic.doctor("Wanjiru", "General " + unique, "wanjiru" + unique);
        patient = clinic.patient("Halima", "+254722" + unique.substring(unique.length() - 6));
    }

    private HttpStatus answer(String text) {
        return http.toBlocking().exchange(HttpRequest.POST("/simulator/sms/reply", Map.of("phone", patient.phone(), "text", text)))
                .getStatus();
    }

    private List<Map<String, Object>> pane() {
        return http.toBlocking().retrieve(HttpRequest.GET("/simulator/sms?phone=" + patient.phone().replace("+", "%2B")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private Map<String, Object> paneMessage(String kind) {
        return pane().stream().filter(m -> kind.equals(m.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the pane: " + pane()));
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            # patient language | text    | answer contains                                       | appointment after
            en                 | 2       | your visit on 23/11/2026 at 09:00 is cancelled        | CANCELLED
            fr                 | 2       | votre rendez-vous du 23/11/2026 à 09:00 est annulé    | CANCELLED
            sw                 | 2       | miadi yako tarehe 23/11/2026 saa 09:00 imeghairiwa    | CANCELLED
            en                 | STOP    | you will get no more reminders                        | CONFIRMED
            fr                 | STOP    | vous ne recevrez plus de rappels                      | CONFIRMED
            sw                 | STOP    | hutapata vikumbusho tena                              | CONFIRMED
            en                 | HELP    | reply 1 to confirm your next visit                    | CONFIRMED
            fr                 | aide    | répondez 1 pour confirmer                             | CONFIRMED
            sw                 | msaada  | jibu 1 kuthibitisha                                   | CONFIRMED
            """)
    void theAnswerTypedUnderThePaneIsHandledAsATextFromTheProvider(Language language, String text, String expected,
                                                                   AppointmentStatus after) {
        patients.setLanguage(patient.id(), language, Channel.STAFF);
        Appointment appointment = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);

        assertEquals(HttpStatus.ACCEPTED, answer(text));

        Map<String, Object> reply = paneMessage(MessageKind.REPLY.name());
        assertTrue(((String) reply.get("text")).contains(expected), reply.toString());
        assertEquals(OutboxStatus.QUEUED.name(), reply.get("status"));
        assertEquals(after, appointments.get(appointment.id()).status());
    }

    @Test
    void thePaneShowsEachMessagesStatusAndWhenAReminderIsDue() {
        appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);

        Map<String, Object> confirmation = paneMessage(MessageKind.APPOINTMENT_CONFIRMATION.name());
        assertEquals(OutboxStatus.QUEUED.name(), confirmation.get("status"));
        assertNull(confirmation.get("dueAt"), "due now: no date to show");
        Map<String, Object> reminder = paneMessage(MessageKind.APPOINTMENT_REMINDER.name());
        assertEquals(OutboxStatus.QUEUED.name(), reminder.get("status"));
        assertTrue(pane().stream().anyMatch(m -> MONDAY_9AM.minus(Duration.ofHours(24)).toString().equals(m.get("dueAt"))),
                "the day-before reminder shows when it is due: " + pane());
    }

    @Test
    void aNumberThatIsNoPhoneIsRefused() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/simulator/sms/reply", Map.of("phone", "not a phone", "text", "2"))));
        assertEquals(400, refused.code());
    }
}
