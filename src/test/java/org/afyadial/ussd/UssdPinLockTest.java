package org.afyadial.ussd;

import com.mongodb.client.model.Filters;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.FreeSlotFinder;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Appointments need the PIN once per session; the third wrong PIN in a row locks USSD access for 15 minutes. */
@MicronautTest(transactional = false)
class UssdPinLockTest {

    static final String LOCKED = "END Too many wrong PINs. Access is locked for 15 minutes. "
            + "For help, visit AfyaDial Clinic reception.";
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PatientService patients;

    @Inject
    AppointmentService appointments;

    @Inject
    FreeSlotFinder slots;

    @Inject
    ClinicFixture clinic;

    @Inject
    Store store;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T07:10:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private UssdPhone registeredPhone() {
        String number = "+2547440%05d".formatted(PHONES.incrementAndGet());
        patients.register(PatientDetails.minimal("Amina", "Otieno", number, Language.en), "1234", Channel.STAFF);
        return new UssdPhone(client.toBlocking(), number);
    }

    @Test
    void thePinIsAskedOncePerSession() {
        String number = "+254744999001";
        Patient patient = patients.register(PatientDetails.minimal("Amina", "Otieno", number, Language.en), "1234", Channel.STAFF);
        Doctor doctor = clinic.doctor("Kamau", "General Medicine", "kamau");
        Instant start = slots.freeSlotsOn(doctor.id(), slots.daysWithFreeSlotsForDoctor(doctor.id(), 13).getFirst()).getFirst().start();
        appointments.book(patient.id(), doctor.id(), start, null, Channel.STAFF);
        UssdPhone phone = new UssdPhone(client.toBlocking(), number);
        phone.dial();
        assertTrue(phone.type("2").startsWith("CON Enter your PIN:"));
        assertTrue(phone.type("1234").startsWith("CON Your appointments:\n1. "));
        assertTrue(phone.type("00").startsWith("CON AfyaDial Clinic. Hello Amina"));
        assertTrue(phone.type("2").startsWith("CON Your appointments:\n1. "), "no PIN the second time");
    }

    @Test
    void threeWrongPinsLockThePhoneForFifteenMinutes() {
        UssdPhone phone = registeredPhone();
        phone.dial();
        phone.type("2");
        assertTrue(phone.type("0000").startsWith("CON Wrong PIN."));
        assertTrue(phone.type("1111").startsWith("CON Wrong PIN."));
        assertEquals(LOCKED, phone.type("2222"));
        assertEquals(LOCKED, phone.dial(), "the lock holds in a new session");
        clock.advance(Duration.ofMinutes(14));
        assertEquals(LOCKED, phone.dial());
        clock.advance(Duration.ofMinutes(2));
        assertTrue(phone.dial().startsWith("CON AfyaDial Clinic. Hello Amina"));
        phone.type("2");
        assertTrue(phone.type("1234").startsWith("END You have no upcoming appointments."));
    }

    @Test
    void aLockHoldsForASessionStartedBeforeIt() {
        UssdPhone before = registeredPhone();
        before.dial();
        UssdPhone during = new UssdPhone(client.toBlocking(), before.phone());
        assertTrue(during.dial().startsWith("CON AfyaDial Clinic. Hello Amina"));
        during.type("2");
        during.type("0000");
        during.type("1111");
        assertEquals(LOCKED, during.type("2222"));
        assertTrue(before.type("2").startsWith("CON Enter your PIN:"));
        assertEquals(LOCKED, before.type("1234"), "the right PIN is refused while the phone is locked");
    }

    @Test
    void theLockedPhonesDocumentOutlivesItsLock() {
        UssdPhone phone = registeredPhone();
        phone.dial();
        phone.type("2");
        phone.type("0000");
        phone.type("1111");
        phone.type("2222");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(LOCKED, phone.dial());
        Document stored = store.collection(SessionStore.PHONES).find(Filters.eq("_id", phone.phone())).first();
        Instant lockedUntil = stored.getDate(SessionStore.LOCKED_UNTIL).toInstant();
        assertEquals(Instant.parse("2026-03-02T07:25:00Z"), lockedUntil);
        assertFalse(stored.getDate(SessionStore.EXPIRES_AT).toInstant().isBefore(lockedUntil),
                "the TTL index must not delete the phone's document while it holds the lock");
    }

    @Test
    void wrongPinsCountAcrossSessions() {
        UssdPhone phone = registeredPhone();
        phone.dial();
        phone.type("2");
        phone.type("0000");
        phone.type("1111");
        assertTrue(phone.dial().startsWith("CON You did not finish last time."));
        assertTrue(phone.type("1").startsWith("CON Enter your PIN:"), "Continue: the PIN screen it stopped on");
        assertEquals(LOCKED, phone.type("2222"));
    }

    /** The PIN proves who holds the phone only in the USSD session it was typed in. */
    @Test
    void aResumedSessionAsksThePinAgainBeforeTheAppointments() {
        UssdPhone phone = registeredPhone();
        Patient patient = patients.findByPhone(phone.phone()).getFirst();
        Doctor doctor = clinic.doctor("Resume", "General Medicine", "dr.resume." + phone.phone().substring(1));
        Instant start = slots.freeSlotsOn(doctor.id(), slots.daysWithFreeSlotsForDoctor(doctor.id(), 13).getFirst()).getFirst().start();
        appointments.book(patient.id(), doctor.id(), start, null, Channel.STAFF);
        phone.dial();
        phone.type("2");
        assertTrue(phone.type("1234").startsWith("CON Your appointments:\n1. "));
        assertTrue(phone.type("1").startsWith("CON AFD-"), "the appointment's details, with Cancel it");
        clock.advance(Duration.ofMinutes(2));

        assertTrue(phone.dial().startsWith("CON You did not finish last time."));
        String continued = phone.type("1");
        assertTrue(continued.startsWith("CON Enter your PIN:"), continued);
        assertTrue(phone.type("0").startsWith("CON AfyaDial Clinic. Hello Amina"), "Back leads to the menu, not behind the PIN");
        assertTrue(phone.type("2").startsWith("CON Enter your PIN:"), "the proof of the dropped session is gone");
        assertTrue(phone.type("0000").startsWith("CON Wrong PIN."));
        assertTrue(phone.type("1111").startsWith("CON Wrong PIN."));
        assertEquals(LOCKED, phone.type("2222"), "wrong PINs after a resume count toward the lock");
    }

    @Test
    void theRightPinClearsEarlierMistakes() {
        UssdPhone phone = registeredPhone();
        phone.dial();
        phone.type("2");
        phone.type("0000");
        phone.type("1111");
        phone.type("1234");
        phone.dial();
        phone.type("2");
        phone.type("0000");
        assertTrue(phone.type("1111").startsWith("CON Wrong PIN."), "the count started again");
    }
}
