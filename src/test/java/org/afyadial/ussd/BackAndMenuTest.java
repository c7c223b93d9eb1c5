package org.afyadial.ussd;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.clinical.PharmacyFixture;
import org.afyadial.clinical.PharmacyFixture.Drug;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.FreeSlotFinder;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.payments.Bill;
import org.afyadial.payments.BillService;
import org.afyadial.sms.MedicationReminders;
import org.afyadial.staff.StaffFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every screen that offers {@code 0 Back 00 Menu} honours both: {@code 0} shows the screen before it again and
 * {@code 00} the last root screen shown (the home the conversation started on, or the pharmacy's home after the staff
 * PIN). The screens are every state of the menu catalogue with the footer (neither root nor end, nor a decision), so a
 * new one fails here until {@code ussd-back-and-menu.psv} records how to reach it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackAndMenuTest {

    private static final String PATIENT_PHONE = "+254747000001";
    private static final String RESET_PHONE = "+254747000002";
    private static final String PHARMACIST_PHONE = "+254747000004";
    private static final String ONE_TIME_PIN = "4826";
    private static final AtomicInteger NEW_PHONES = new AtomicInteger();

    @Inject
    UssdEngine engine;

    @Inject
    MenuCatalog catalog;

    @Inject
    ClinicFixture clinic;

    @Inject
    PatientService patients;

    @Inject
    AppointmentService appointments;

    @Inject
    FreeSlotFinder slots;

    @Inject
    MedicationReminders medication;

    @Inject
    BillService bills;

    @Inject
    StaffFixtures staff;

    @Inject
    PharmacyFixture pharmacy;

    /** Monday 08:10 in Nairobi. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    private Doctor kamau;
    private Patient other;
    private Patient reset;
    private String dispensedCode;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** A row of the table: the state, who dials, what they type after the dial. */
    private record Path(String state, String who, List<String> inputs) {
    }

    @BeforeAll
    void openTheClinic() {
        kamau = clinic.doctor("Kamau", "General Medicine", "kamau");
        clinic.doctor("Odhiambo", "Paediatrics", "odhiambo");
        Patient amina = patients.register(PatientDetails.minimal("Amina", "Otieno", PATIENT_PHONE, Language.en), "1234",
                Channel.STAFF);
        Instant wednesday = slots.freeSlotsOn(kamau.id(), java.time.LocalDate.of(2026, 3, 4)).getFirst().start();
        appointments.book(amina.id(), kamau.id(), wednesday, null, Channel.STAFF);
        medication.create(amina.id(), "Amoxicillin", "500 mg", List.of(LocalTime.of(8, 0), LocalTime.of(20, 0)), 7, "dr.kamau");
        bills.create(amina.id(), List.of(new Bill.Line("X-ray", 80_000L)));
        reset = patients.register(PatientDetails.minimal("Baraka", "Otieno", RESET_PHONE, Language.en), "1234", Channel.STAFF);
        other = clinic.patient("Neema", "+254747000003");
        staff.pharmacistWithOwnPin("pharma.backmenu", PHARMACIST_PHONE, "2580");
        dispensedCode = pharmacy.prescribe(pharmacy.patientWith("+254747000005"), Drug.AMOXICILLIN);
        pharmacy.dispenseEvery(dispensedCode);
    }

    @TestFactory
    Stream<DynamicTest> zeroGoesBackAndDoubleZeroHome() throws IOException {
        Map<String, Path> paths = table();
        return catalog.menus().states().values().stream()
                .filter(s -> !s.root() && !s.end() && !s.isDecision())
                .map(MenuState::id)
                .sorted()
                .flatMap(state -> Stream.of(
                        dynamicTest(state + ": 0", () -> {
                            Walk walk = walk(recorded(paths, state));
                            assertEquals(walk.screens().get(walk.screens().size() - 2), walk.type("0"),
                                    "0 on " + state + " shows the screen before it");
                        }),
                        dynamicTest(state + ": 00", () -> {
                            Walk walk = walk(recorded(paths, state));
                            assertEquals(walk.home(), walk.type("00"), "00 on " + state + " goes home");
                        })));
    }

    private static Path recorded(Map<String, Path> paths, String state) {
        Path path = paths.get(state);
        if (path == null) {
            throw new AssertionError("ussd-back-and-menu.psv has no path to " + state);
        }
        return path;
    }

    /** Dials as the row says and types its inputs; the last screen must be the row's state. */
    private Walk walk(Path path) {
        Walk walk = new Walk(phone(path.who()));
        walk.dial();
        for (String input : path.inputs()) {
            switch (input) {
                case "TAKE" -> takeFirstFreeTime();
                case "RX" -> walk.type(pharmacy.prescribe(pharmacy.patientWith("+2547473%05d".formatted(
                        NEW_PHONES.incrementAndGet()), "diabetes", "asthma"), Drug.DEXTROSE, Drug.IBUPROFEN));
                case "DISPENSED_RX" -> walk.type(dispensedCode);
                default -> walk.type(input);
            }
        }
        assertEquals(path.state(), walk.state, () -> "the path ends on " + walk.state + ":\n" + walk.screens().getLast());
        return walk;
    }

    private String phone(String who) {
        return switch (who) {
            case "NEW" -> "+2547471%05d".formatted(NEW_PHONES.incrementAndGet());
            case "PATIENT" -> PATIENT_PHONE;
            case "PHARMACIST" -> PHARMACIST_PHONE;
            case "FIRST_DIAL" -> {
                String phone = "+2547472%05d".formatted(NEW_PHONES.incrementAndGet());
                staff.pharmacistOnPhone("pharma.first" + NEW_PHONES.get(), phone, ONE_TIME_PIN);
                yield phone;
            }
            case "RESET" -> {
                patients.resetPin(reset.id(), "national ID seen");
                yield RESET_PHONE;
            }
            default -> throw new IllegalArgumentException("Who is " + who + "?");
        };
    }

    /** Somebody else books Dr Kamau's first free time, which the time screen just offered. */
    private void takeFirstFreeTime() {
        Instant first = slots.freeSlotsOn(kamau.id(), slots.daysWithFreeSlotsForDoctor(kamau.id(), 13).getFirst())
                .getFirst().start();
        appointments.book(other.id(), kamau.id(), first, null, Channel.STAFF);
    }

    /** One conversation: the screens answered so far, and the last root screen among them, where 00 leads. */
    private final class Walk {
        private final String phone;
        private final String sessionId = "ATUid_" + UUID.randomUUID();
        private final List<String> screens = new ArrayList<>();
        private String home;
        private String text;
        private String state;

        Walk(String phone) {
            this.phone = phone;
        }

        void dial() {
            text = null;
            send("");
            if (UssdEngine.RESUME_STATE.equals(state)) {
                // a conversation of the same phone left mid-way: start over
                screens.clear();
                home = null;
                type("2");
            }
        }

        String type(String input) {
            return send(text == null ? input : text + "*" + input);
        }

        private String send(String newText) {
            UssdReply reply = engine.answer(new UssdHop(sessionId, "*384*1#", phone, "63902", newText));
            assertFalse(reply.end(), () -> "ended: " + reply.screen());
            text = newText.isEmpty() ? null : newText;
            state = reply.state();
            screens.add(reply.screen());
            if (!UssdEngine.RESUME_STATE.equals(state) && catalog.menus().state(state).root()) {
                home = reply.screen();
            }
            return reply.screen();
        }

        List<String> screens() {
            return screens;
        }

        String home() {
            return home;
        }
    }

    private static Map<String, Path> table() throws IOException {
        try (InputStream in = BackAndMenuTest.class.getResourceAsStream("/ussd-back-and-menu.psv")) {
            Map<String, Path> paths = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String state = cells[0].strip();
                paths.put(state, new Path(state, cells[1].strip(), List.of(cells[2].strip().split("\\s+"))));
            }
            return paths;
        }
    }
}
