package org.afyadial.sms;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The USSD Reminders menu on a patient's medication reminders and visit reminders, through POST /at/ussd. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
class ReminderMenuTest {

    /** Friday 20 Nov, 09:00 in Nairobi. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    PatientService patients;
    @Inject
    MedicationReminders medication;
    @Inject
    OutboxStore store;

    private Patient patient(String phone) {
        return patients.register(new PatientDetails("Neema", "Mwangi", phone, 1985, null, Language.en,
                List.of(), List.of(), null, null, true), "2468", Channel.STAFF);
    }

    private long queuedMedication(Patient patient) {
        return store.count(and(eq("patientId", patient.id()), eq("kind", "MEDICATION_REMINDER"), eq("status", "QUEUED")));
    }

    @Test
    void aPatientPausesResumesAndMovesAMedicationReminder() {
        Patient patient = patient("+254733100201");
        MedicationReminder reminder = medication.create(patient.id(), "Metformin", "850mg", List.of(LocalTime.of(20, 0)), 2, "pharmacist");
        assertEquals(2, queuedMedication(patient));

        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone());
        phone.dial();
        assertTrue(phone.type("4").startsWith("CON SMS reminders:"));
        assertTrue(phone.type("3").startsWith("CON Enter your PIN:"));
        assertTrue(phone.type("2468").startsWith("CON Medication reminders:\n1. Metformin 850mg 20:00"));
        assertTrue(phone.type("1").startsWith("CON Metformin 850mg 20:00\n1. Pause\n2. Resume\n3. New times"));
        assertEquals("END Reminders for this medicine are paused.", phone.type("1"));
        assertEquals(0, queuedMedication(patient));

        phone.dial();
        phone.type("4");
        phone.type("3");
        phone.type("2468");
        assertTrue(phone.type("1").startsWith("CON Metformin 850mg 20:00 (paused)"));
        assertEquals("END Reminders for this medicine are on again.", phone.type("2"));
        assertEquals(2, queuedMedication(patient));

        phone.dial();
        phone.type("4");
        phone.type("3");
        phone.type("2468");
        phone.type("1");
        assertTrue(phone.type("3").startsWith("CON New times, e.g. 0800 2000:"));
        assertTrue(phone.type("8am").startsWith("CON Write times like 0800 2000."));
        assertEquals("END New times saved: 07:30 21:00.", phone.type("2100 0730"));
        assertEquals(List.of(LocalTime.of(7, 30), LocalTime.of(21, 0)), medication.list(patient.id()).getFirst().timesOfDay());
        assertEquals(3, queuedMedication(patient), "21:00 today, 07:30 and 21:00 tomorrow");
        assertEquals(reminder.id(), medication.list(patient.id()).getFirst().id());
    }

    @Test
    void visitRemindersAndAllSmsAreSwitchedFromTheMenu() {
        Patient patient = patient("+254733100202");
        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone());

        phone.dial();
        phone.type("4");
        assertEquals("END Visit reminders are off.", phone.type("2"));
        assertFalse(patients.get(patient.id()).appointmentReminders());

        phone.dial();
        phone.type("4");
        assertEquals("END SMS reminders are off.", phone.type("5"));
        assertFalse(patients.get(patient.id()).smsOptIn());

        phone.dial();
        phone.type("4");
        assertEquals("END SMS reminders are on.", phone.type("6"));
        assertTrue(patients.get(patient.id()).smsOptIn());
    }
}
