package org.afyadial.patients;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.afyadial.AllAtOnce;
import org.afyadial.MovableClock;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class PatientServiceTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    PatientService patients;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private Patient register(String first, String last, String phone) {
        return patients.register(PatientDetails.minimal(first, last, phone, Language.sw), null, Channel.USSD);
    }

    @Test
    void identifiersAreSequentialAndUniqueUnderConcurrentRegistrations() {
        Set<String> identifiers = new HashSet<>(AllAtOnce.run(IntStream.range(0, 20)
                .<Callable<String>>mapToObj(n -> () -> register("P" + n, "Concurrent", "+2547110000%02d".formatted(n)).identifier())
                .toList()));

        assertEquals(20, identifiers.size());
        assertTrue(identifiers.stream().allMatch(id -> id.matches("AFD-PT-\\d{6}")), identifiers.toString());
    }

    @Test
    void aFamilySharesAPhoneWrittenInAnyForm() {
        Patient mother = register("Achieng", "Odhiambo", "0722 111 222");
        Patient child = register("Baraka", "Odhiambo", "+254722111222");

        assertEquals("+254722111222", mother.phone());
        assertEquals(List.of(mother.id(), child.id()),
                patients.findByPhone("254722111222").stream().map(Patient::id).toList());
        assertEquals(List.of(), patients.findByPhone("not a phone"));
    }

    @Test
    void nameSearchIsAPrefixOfAnyWordIgnoringCaseAndAccents() {
        register("Amélie", "N'Diaye", "+254733000001");
        register("Émile", "Kamau", "+254733000002");
        register("Kamala", "Wanjiru", "+254733000003");

        assertEquals(Set.of("Amélie"), firstNames("ame"));
        assertEquals(Set.of("Amélie"), firstNames("NDI"));
        assertEquals(Set.of("Émile", "Kamala"), firstNames("kam"));
        assertEquals(Set.of("Émile"), firstNames("emile ka"));
        assertEquals(Set.of(), firstNames("ile"));
    }

    private Set<String> firstNames(String query) {
        return patients.searchByName(query, Pageable.from(0, 50)).getContent().stream()
                .map(Patient::firstName).collect(Collectors.toSet());
    }

    @Test
    void findsByIdentifierWhateverTheCase() {
        Patient p = register("Zawadi", "Mwangi", "+254744000001");

        assertEquals(p.id(), patients.findByIdentifier(p.identifier().toLowerCase()).orElseThrow().id());
    }

    @Test
    void thePinIsStoredAsABcryptHashOnly() {
        Patient p = patients.register(PatientDetails.minimal("Juma", "Hassan", "+254755000001", Language.sw), "4821", Channel.USSD);

        Document stored = store.collection("patients").find(new Document("identifier", p.identifier())).first();
        assertTrue(stored.getString("pinHash").startsWith("$2"), "bcrypt hash");
        assertFalse(stored.toJson().contains("4821"));
        assertTrue(patients.verifyPin(p.id(), "4821"));
        assertFalse(patients.verifyPin(p.id(), "4822"));
        assertThrows(InvalidPin.class, () -> patients.setPin(p.id(), "12a4", Channel.USSD));
    }

    @Test
    void settingsChangedFromThePhoneAreKeptAndAudited() {
        Patient p = register("Neema", "Kilonzo", "+254766000001");
        Patient sibling = register("Imani", "Kilonzo", "+254766000001");

        patients.setLanguage(p.id(), Language.fr, Channel.USSD);
        patients.setAppointmentReminders(p.id(), false, Channel.USSD);
        patients.setSmsOptInByPhone("0766000001", false, Channel.SMS);

        assertEquals(Language.fr, patients.get(p.id()).language());
        assertFalse(patients.get(p.id()).appointmentReminders());
        assertTrue(patients.get(sibling.id()).appointmentReminders(), "a choice of one family member only");
        assertFalse(patients.get(p.id()).smsOptIn());
        assertFalse(patients.get(sibling.id()).smsOptIn());
        Document optOut = store.collection("audit_log").find(new Document("action", "patient.sms-opt-out")
                .append("patientId", sibling.id())).first();
        assertEquals("sms:" + sibling.id(), optOut.getString("actor"));
        Document remindersOff = store.collection("audit_log").find(new Document("action", "patient.appointment-reminders-off")
                .append("patientId", p.id())).first();
        assertEquals("ussd:" + p.id(), remindersOff.getString("actor"));
    }

    @Test
    void anUndeliverablePhoneIsFlaggedUntilTheNumberChanges() {
        Patient p = register("Tumaini", "Barasa", "+254777000001");

        patients.markPhoneInvalid("+254777000001");
        assertTrue(patients.get(p.id()).phoneInvalid());

        Patient fixed = patients.update(p.id(), PatientDetails.minimal("Tumaini", "Barasa", "+254777000002", Language.sw), Channel.STAFF);
        assertFalse(fixed.phoneInvalid());
        assertNull(fixed.pinHash());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                | first | phone          | birth year | blood type | invalid field
            blank first name      | ' '   | +254712345678  | 1990       | O+         | firstName
            unreadable phone      | Ali   | 12             | 1990       | O+         | phone
            birth in the future   | Ali   | +254712345678  | 2027       | O+         | birthYear
            birth far past        | Ali   | +254712345678  | 1850       | O+         | birthYear
            unknown blood type    | Ali   | +254712345678  | 1990       | C+         | bloodType
            """)
    void invalidDetailsAreRejectedNamingTheField(String ignored, String first, String phone, int birthYear,
                                                 String bloodType, String field) {
        PatientDetails details = new PatientDetails(first, "Test", phone, birthYear, Sex.F, Language.en,
                List.of(), List.of(), false, bloodType, true);

        var e = assertThrows(ConstraintViolationException.class, () -> patients.register(details, null, Channel.STAFF));

        assertEquals(Set.of(field), e.getConstraintViolations().stream()
                .map(ConstraintViolation::getPropertyPath).map(p -> {
                    String last = null;
                    for (var node : p) {
                        last = node.getName();
                    }
                    return last;
                }).collect(Collectors.toSet()));
    }
}
