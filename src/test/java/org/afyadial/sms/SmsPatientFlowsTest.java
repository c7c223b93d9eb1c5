package org.afyadial.sms;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.appointments.AppointmentStatus;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMS around patients and appointments: commands texted to {@code /at/sms/inbound} in en/fr/sw,
 * confirmations and reminders following appointments, refusals by the provider, medication reminders.
 * Doctors work weekdays 08:00-12:00 Nairobi time; Friday 20 Nov 09:00 local is 06:00 UTC.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
class SmsPatientFlowsTest {

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
    @Inject
    OutboxStore store;
    @Inject
    MedicationReminders medication;
    @Inject
    SmsPreferences preferences;
    @Inject
    StaffTokens tokens;
    @Inject
    ApplicationEventPublisher<SmsRecipientRefused> refusals;

    Doctor doctor;
    Patient patient;
    String unique;

    @BeforeEach
    void clinic() {
        clock.set(FRIDAY_9AM);
        unique = Long.toString(System.nanoTime());
        doctor = clinic.doctor("Wanjiru", "General " + unique, "wanjiru" + unique);
        patient = clinic.patient("Halima", "+254711" + unique.substring(unique.length() - 6));
    }

    private Patient speaking(Language language) {
        return patients.setLanguage(patient.id(), language, Channel.STAFF);
    }

    private Appointment bookMonday(Instant start) {
        return appointments.book(patient.id(), doctor.id(), start, null, Channel.USSD);
    }

    private HttpStatus text(String providerId, String body) {
        String form = "from=" + URLEncoder.encode(patient.phone(), StandardCharsets.UTF_8) + "&to=21512&text="
                + URLEncoder.encode(body, StandardCharsets.UTF_8) + "&id=" + providerId + "&date=2026-11-20+06%3A00%3A00";
        return http.toBlocking().exchange(HttpRequest.POST("/at/sms/inbound", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).getStatus();
    }

    private OutboxMessage message(String key) {
        List<OutboxMessage> found = store.find(eq("idempotencyKey", key), 0, 1);
        assertFalse(found.isEmpty(), "no outbox message " + key);
        return found.getFirst();
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            # patient language | text     | reply contains                                           | appointment after | SMS opt-in after
            en                 | 1        | thank you, your visit on 23/11/2026 at 09:00 is confirmed | CONFIRMED         | true
            en                 | Yes      | thank you, your visit on 23/11/2026 at 09:00 is confirmed | CONFIRMED         | true
            fr                 | oui      | merci, votre rendez-vous du 23/11/2026 à 09:00 est confirmé | CONFIRMED       | true
            sw                 | NDIYO    | asante, miadi yako tarehe 23/11/2026 saa 09:00 imethibitishwa | CONFIRMED     | true
            en                 | 2        | your visit on 23/11/2026 at 09:00 is cancelled            | CANCELLED         | true
            en                 | cancel.  | your visit on 23/11/2026 at 09:00 is cancelled            | CANCELLED         | true
            fr                 | ANNULER  | votre rendez-vous du 23/11/2026 à 09:00 est annulé        | CANCELLED         | true
            sw                 | 2        | miadi yako tarehe 23/11/2026 saa 09:00 imeghairiwa        | CANCELLED         | true
            en                 | stop     | you will get no more reminders                            | CONFIRMED         | false
            fr                 | Arrêt    | vous ne recevrez plus de rappels                          | CONFIRMED         | false
            sw                 | STOP     | hutapata vikumbusho tena                                  | CONFIRMED         | false
            en                 | HELP     | reply 1 to confirm your next visit                        | CONFIRMED         | true
            fr                 | aide     | répondez 1 pour confirmer                                 | CONFIRMED         | true
            sw                 | msaada   | jibu 1 kuthibitisha                                       | CONFIRMED         | true
            fr                 | bonjour  | répondez 1 pour confirmer                                 | CONFIRMED         | true
            """)
    void commandsActOnTheNextAppointmentAndAnswerInThePatientsLanguage(Language language, String text, String reply,
                                                                        AppointmentStatus after, boolean optIn) {
        speaking(language);
        Appointment appointment = bookMonday(MONDAY_9AM);
        String providerId = "ATXid_" + unique;

        assertEquals(HttpStatus.OK, text(providerId, text));
        assertEquals(HttpStatus.OK, text(providerId, text), "a redelivery is acknowledged and ignored");

        List<OutboxMessage> replies = store.find(and(eq("phone", patient.phone()), eq("kind", MessageKind.REPLY.name())), 0, 10);
        assertEquals(1, replies.size(), "one answer");
        assertTrue(replies.getFirst().text().contains(reply), replies.getFirst().text());
        assertEquals(language.name(), replies.getFirst().language());
        assertEquals(SmsEncoding.Encoding.GSM_7, replies.getFirst().encoding());
        assertEquals(after, appointments.get(appointment.id()).status());
        assertEquals(optIn, patients.get(patient.id()).smsOptIn());
        OutboxStatus reminder = message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "24h").status();
        assertEquals(after == AppointmentStatus.CANCELLED || !optIn ? OutboxStatus.CANCELLED : OutboxStatus.QUEUED, reminder);
    }

    @Test
    void cancellingInsideTheWindowIsRefusedWithTheReasonInTheReply() {
        speaking(Language.fr);
        Appointment appointment = bookMonday(MONDAY_9AM);
        clock.set(MONDAY_9AM.minus(Duration.ofHours(3)));

        text("ATXid_late" + unique, "annuler");

        OutboxMessage reply = message("reply:ATXid_late" + unique);
        assertTrue(reply.text().contains("impossible d'annuler votre rendez-vous du 23/11/2026 à 09:00: il commence dans moins de 24 heures"), reply.text());
        assertEquals(AppointmentStatus.CONFIRMED, appointments.get(appointment.id()).status());
    }

    @Test
    void aTextFromAnUnknownPhoneGetsTheNoAppointmentAnswer() {
        String form = "from=%2B254799" + unique.substring(unique.length() - 6) + "&to=21512&text=NDIYO&id=ATXid_u" + unique;
        http.toBlocking().exchange(HttpRequest.POST("/at/sms/inbound", form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));

        OutboxMessage reply = message("reply:ATXid_u" + unique);
        assertEquals("sw", reply.language());
        assertTrue(reply.text().contains("huna miadi ijayo"), reply.text());
    }

    @Test
    void aConfirmedAppointmentGetsAConfirmationAndRemindersThatExpireAtItsStart() {
        Appointment appointment = bookMonday(MONDAY_9AM);

        OutboxMessage confirmation = message("confirmation:" + appointment.id());
        assertEquals(clock.instant(), confirmation.notBefore());
        assertTrue(confirmation.text().contains("your visit with Dr Wanjiru on 23/11/2026 at 09:00 is confirmed"), confirmation.text());
        OutboxMessage dayBefore = message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "24h");
        assertEquals(MONDAY_9AM.minus(Duration.ofHours(24)), dayBefore.notBefore());
        assertEquals(MONDAY_9AM, dayBefore.expiresAt());
        assertTrue(dayBefore.text().contains("Reply 1 to confirm or 2 to cancel"), dayBefore.text());
        assertEquals(MONDAY_9AM.minus(Duration.ofHours(2)), message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "2h").notBefore());
    }

    @Test
    void aReminderDueInQuietHoursWaitsForTheirEnd() {
        Instant mondayEight = MONDAY_9AM.minus(Duration.ofHours(1)); // 08:00 local: the 2h reminder would be 06:00
        Appointment appointment = bookMonday(mondayEight);

        assertEquals(Instant.parse("2026-11-23T04:00:00Z"), message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "2h").notBefore(),
                "07:00 Nairobi, the end of the quiet hours");
    }

    @Test
    void reschedulingCancelsTheOldRemindersAndQueuesNewOnes() {
        Appointment first = bookMonday(MONDAY_9AM);

        Appointment moved = appointments.reschedule(first.id(), MONDAY_9AM.plus(Duration.ofHours(1)), null);

        assertEquals(OutboxStatus.CANCELLED, message(AppointmentReminders.reminderKeyPrefix(first.id()) + "24h").status());
        assertEquals(OutboxStatus.QUEUED, message(AppointmentReminders.reminderKeyPrefix(moved.id()) + "24h").status());
        assertEquals(MONDAY_9AM.plus(Duration.ofHours(1)), message(AppointmentReminders.reminderKeyPrefix(moved.id()) + "2h").expiresAt());
    }

    @Test
    void startAfterStopBringsBackTheRemindersStillAhead() {
        Appointment appointment = bookMonday(MONDAY_9AM);
        text("ATXid_stop" + unique, "STOP");
        assertEquals(OutboxStatus.CANCELLED, message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "2h").status());

        text("ATXid_start" + unique, "start");

        assertTrue(patients.get(patient.id()).smsOptIn());
        assertEquals(OutboxStatus.QUEUED, message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "2h").status());
    }

    @Test
    void staffTurningSmsOffOnThePatientRecordCancelsTheRemindersAndOnBringsThemBack() {
        Appointment appointment = bookMonday(MONDAY_9AM);
        String reminder = AppointmentReminders.reminderKeyPrefix(appointment.id()) + "2h";

        assertEquals(HttpStatus.OK, editRecord(false));
        assertEquals(OutboxStatus.CANCELLED, message(reminder).status());

        assertEquals(HttpStatus.OK, editRecord(true));
        assertEquals(OutboxStatus.QUEUED, message(reminder).status());
    }

    private HttpStatus editRecord(boolean smsOptIn) {
        Map<String, Object> record = Map.of("firstName", patient.firstName(), "lastName", patient.lastName(),
                "phone", patient.phone(), "language", "en", "smsOptIn", smsOptIn);
        return http.toBlocking().exchange(HttpRequest.PUT("/api/v1/patients/" + patient.id(), record)
                .bearerAuth(tokens.bearer("reception" + unique, Role.RECEPTIONIST))).getStatus();
    }

    @Test
    void appointmentRemindersCanBeTurnedOffAlone() {
        Appointment appointment = bookMonday(MONDAY_9AM);

        preferences.setAppointmentReminders(patient.id(), false, Channel.USSD);

        assertFalse(patients.get(patient.id()).appointmentReminders());
        assertEquals(OutboxStatus.CANCELLED, message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "24h").status());
        assertEquals(OutboxStatus.QUEUED, message("confirmation:" + appointment.id()).status(), "a confirmation is not a reminder");
        preferences.setAppointmentReminders(patient.id(), true, Channel.USSD);
        assertEquals(OutboxStatus.QUEUED, message(AppointmentReminders.reminderKeyPrefix(appointment.id()) + "24h").status());
    }

    @Test
    void providerRefusalsFlagThePhoneOrOptThePatientOut() {
        refusals.publishEvent(new SmsRecipientRefused(patient.id(), patient.phone(), SendResult.Outcome.BLACKLISTED));
        assertFalse(patients.get(patient.id()).smsOptIn());

        refusals.publishEvent(new SmsRecipientRefused(patient.id(), patient.phone(), SendResult.Outcome.INVALID_NUMBER));
        assertTrue(patients.get(patient.id()).phoneInvalid());
    }

    @Test
    void medicationRemindersArePausedResumedAndMoved() {
        MedicationReminder reminder = medication.create(patient.id(), "Amoxicillin", "500 mg",
                List.of(LocalTime.of(20, 0), LocalTime.of(8, 0)), 3, "pharmacist");
        // Friday 09:00: 08:00 today is past, so 20:00 today, then 08:00 and 20:00 on the two following days
        assertEquals(5, store.count(and(eq("kind", "MEDICATION_REMINDER"), eq("status", "QUEUED"), eq("patientId", patient.id()))));
        OutboxMessage first = message("medication:" + reminder.id() + ":0:2026-11-20T20:00");
        assertEquals(Instant.parse("2026-11-20T17:00:00Z"), first.notBefore(), "20:00 Nairobi, not held by quiet hours");
        assertTrue(first.text().contains("time to take Amoxicillin 500 mg"), first.text());

        medication.pause(patient.id(), reminder.id());
        assertEquals(0, store.count(and(eq("kind", "MEDICATION_REMINDER"), eq("status", "QUEUED"), eq("patientId", patient.id()))));

        medication.resume(patient.id(), reminder.id());
        assertEquals(5, store.count(and(eq("kind", "MEDICATION_REMINDER"), eq("status", "QUEUED"), eq("patientId", patient.id()))));

        MedicationReminder moved = medication.moveTimes(patient.id(), reminder.id(), List.of(LocalTime.of(10, 0)));
        assertEquals(List.of(LocalTime.of(10, 0)), moved.timesOfDay());
        assertEquals(3, moved.scheduleVersion());
        List<OutboxMessage> queued = store.find(and(eq("kind", "MEDICATION_REMINDER"), eq("status", "QUEUED"), eq("patientId", patient.id())), 0, 10);
        assertEquals(3, queued.size(), "10:00 today, Saturday and Sunday");
        assertTrue(queued.stream().allMatch(m -> m.idempotencyKey().endsWith("T10:00")));
    }
}
