package org.afyadial.ussd;

import com.mongodb.client.model.Filters;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session belongs to one phone, known by its E.164 number, and acts only on new input: hops from another phone,
 * from no valid number, or late copies of earlier hops are answered and change nothing.
 */
@MicronautTest(transactional = false)
class UssdHopIntegrityTest {

    private static final String OTHER_PHONE = "END This USSD call belongs to another phone. Please dial again.";
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PatientService patients;

    @Inject
    AppointmentService appointments;

    @Inject
    ClinicFixture clinic;

    @Inject
    Store store;

    private static Doctor doctor;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T07:10:00Z"));
    private BlockingHttpClient http;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        http = client.toBlocking();
        if (doctor == null) {
            doctor = clinic.doctor("Kamau", "General Medicine", "kamau");
        }
    }

    /** A patient registered with PIN 1234. */
    private Patient registered() {
        String number = "+2547450%05d".formatted(PHONES.incrementAndGet());
        return patients.register(PatientDetails.minimal("Amina", "Otieno", number, Language.en), "1234", Channel.STAFF);
    }

    @Test
    void wrongPinsCountAgainstTheNumberHoweverItIsWritten() {
        String local = registered().phone().replace("+254", "0");
        List<String> writings = List.of("+254" + local.substring(1), "254" + local.substring(1),
                local.substring(0, 4) + " " + local.substring(4, 7) + " " + local.substring(7),
                local.substring(0, 4) + "-" + local.substring(4), "(" + local.substring(0, 4) + ") " + local.substring(4));
        for (int i = 0; i < 2; i++) {
            UssdPhone phone = new UssdPhone(http, writings.get(i));
            toPinScreen(phone);
            assertTrue(phone.type("000" + i).startsWith("CON Wrong PIN."));
        }
        UssdPhone third = new UssdPhone(http, writings.get(2));
        toPinScreen(third);
        assertEquals(UssdPinLockTest.LOCKED, third.type("0002"));
        for (String writing : writings) {
            assertEquals(UssdPinLockTest.LOCKED, new UssdPhone(http, writing).dial(), writing);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12", "+254 7", "0000000000000000000000000000000000000"})
    void aHopFromNoValidNumberIsRefusedAndNothingIsStored(String number) {
        long sessions = store.collection(SessionStore.SESSIONS).countDocuments();
        long phones = store.collection(SessionStore.PHONES).countDocuments();
        UssdPhone phone = new UssdPhone(http, number);
        String refused = "END Sorry, we could not read your phone number. Please dial again from your own phone.";

        assertEquals(refused, phone.dial());
        assertEquals(refused, phone.type("1"));
        assertEquals(refused, phone.type("Amina"));

        assertEquals(sessions, store.collection(SessionStore.SESSIONS).countDocuments());
        assertEquals(phones, store.collection(SessionStore.PHONES).countDocuments());
    }

    @Test
    void aLateCopyOfAnEarlierHopOnTheConfirmScreenBooksNothing() {
        Patient patient = registered();
        UssdPhone phone = new UssdPhone(http, patient.phone());
        phone.dial();
        for (int i = 0; i < 4; i++) {
            phone.type("1");
        }
        String confirm = phone.type("1");
        assertTrue(confirm.startsWith("CON General Medicine, ") && confirm.contains("Confirm?"), confirm);

        for (String earlier : List.of("1", "", "1*1*1")) {
            String answer = phone.post(UssdPhone.form(phone.sessionId(), phone.phone(), earlier));
            assertFalse(answer.startsWith("END Booked"), answer);
        }
        assertEquals(List.of(), appointments.upcomingFor(patient.id()), "nothing booked by a late copy");

        assertEquals(confirm, phone.resend(), "the session is still on the Confirm screen");
        assertTrue(phone.type("1").startsWith("END Booked"));
        assertEquals(1, appointments.upcomingFor(patient.id()).size());
    }

    @Test
    void anotherPhoneOnALiveSessionIsRefusedAndChangesNothing() {
        Patient patient = registered();
        UssdPhone owner = new UssdPhone(http, patient.phone());
        owner.dial();
        assertTrue(owner.type("2").startsWith("CON Enter your PIN:"));
        String other = "+254799" + "%06d".formatted(PHONES.get());
        Document before = session(owner.sessionId());

        assertEquals(OTHER_PHONE, owner.post(UssdPhone.form(owner.sessionId(), other, "")));
        for (String pin : List.of("0000", "1111", "2222", "3333")) {
            assertEquals(OTHER_PHONE, owner.post(UssdPhone.form(owner.sessionId(), other, "2*" + pin)));
        }

        assertEquals(before, session(owner.sessionId()), "the session is untouched");
        Document ownersPhone = store.collection(SessionStore.PHONES).find(Filters.eq("_id", patient.phone())).first();
        assertNull(ownersPhone.get("failures"), "no wrong PIN counted against the owner");
        assertTrue(owner.type("1234").startsWith("END You have no upcoming appointments."));
    }

    @Test
    void anotherPhoneGetsNothingOfASessionItPointsItsOwnDialAt() {
        Patient patient = registered();
        UssdPhone owner = new UssdPhone(http, patient.phone());
        owner.dial();
        owner.type("1");
        String other = "+254798" + "%06d".formatted(PHONES.get());

        assertEquals(OTHER_PHONE, owner.post(UssdPhone.form(owner.sessionId(), other, "")));
        String dial = new UssdPhone(http, other).dial();
        assertFalse(dial.contains("Amina") || dial.contains("did not finish"), dial);
    }

    /** A new dial from the same number is offered the dropped session, which it declines. */
    private static void toPinScreen(UssdPhone phone) {
        if (phone.dial().contains("did not finish")) {
            phone.type("2");
        }
        assertTrue(phone.type("2").startsWith("CON Enter your PIN:"));
    }

    @Test
    void aDroppedSessionWithThePinGivenAsksItAgain() {
        Patient patient = registered();
        appointments.book(patient.id(), doctor.id(),
                Instant.parse("2026-03-03T06:00:00Z"), null, Channel.STAFF);
        UssdPhone phone = new UssdPhone(http, patient.phone());
        phone.dial();
        phone.type("2");
        assertTrue(phone.type("1234").startsWith("CON Your appointments:\n1. "));

        assertTrue(phone.dial().contains("did not finish"));
        assertTrue(phone.type("1").startsWith("CON Enter your PIN:"), "Continue: the PIN is asked again");
    }

    private Document session(String id) {
        return store.collection(SessionStore.SESSIONS).find(Filters.eq("_id", id)).first();
    }

    /**
     * A text no USSD session can gather (over 4,096 characters, or over 200 inputs) is answered with an END and
     * neither read nor stored, whether it opens a session or comes in one; the longest texts within the bounds are read.
     */
    @ParameterizedTest(name = "{0} inputs of {1} characters: {2}")
    @CsvSource({
            "1,   4097, refused",
            "2,   3000, refused",
            "201, 1,    refused",
            "1,   4096, read",
            "200, 1,    read"})
    void aTextLongerThanAUssdSessionHoldsIsRefusedUnreadAndNotStored(int inputs, int length, String outcome) {
        String text = String.join("*", Collections.nCopies(inputs, "9".repeat(length)));
        String refused = "END Sorry, we could not read this request. Please dial again.";
        UssdPhone phone = new UssdPhone(http, "+2547451%05d".formatted(PHONES.incrementAndGet()));

        String opening = phone.post(UssdPhone.form("ATUid_long_" + PHONES.get(), phone.phone(), text));
        long phones = store.collection(SessionStore.PHONES).countDocuments(Filters.eq("_id", phone.phone()));
        phone.dial();
        String inSession = phone.post(UssdPhone.form(phone.sessionId(), phone.phone(), text));
        Document session = store.collection(SessionStore.SESSIONS).find(Filters.eq("_id", phone.sessionId())).first();

        if (outcome.equals("refused")) {
            assertEquals(refused, opening);
            assertEquals(0, phones, "the opening hop stored nothing for the phone");
            assertEquals(0, store.collection(SessionStore.SESSIONS).countDocuments(Filters.eq("_id", "ATUid_long_" + PHONES.get())));
            assertEquals(refused, inSession);
            assertEquals(1, session.getInteger("hops"), "the session did not read it");
        } else {
            assertFalse(opening.equals(refused) || inSession.equals(refused), opening + " / " + inSession);
            assertEquals(1, phones);
            assertEquals(2, session.getInteger("hops"));
        }
    }
}
