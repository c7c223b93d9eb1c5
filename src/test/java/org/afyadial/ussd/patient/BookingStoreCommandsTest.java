package org.afyadial.ussd.patient;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StoreCommandLog;
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regression guard on the store commands of the benchmark's 7-hop booking conversation (dial, Book, service,
 * doctor, day, time, Confirm) through {@code POST /at/ussd}: every command costs CPU on the embedded store, so
 * each hop has a budget. The first conversation of the clinic loads the doctors' reference data and the coming
 * days' claims; the second, another patient booking the same doctor a moment later, is the steady state the
 * benchmark runs in, where lists of days and times are laid out from memory. The engine's own commands on USSD
 * sessions are counted too: on the dial the phone's document (its last USSD session and PIN lock, in one update),
 * whether it is a pharmacist's registered phone, and the new USSD session; on Confirm the claim and the write; on
 * the other hops the write alone (the instance remembers the USSD session it wrote).
 * Each test gets a new application context, so that its first conversation finds the caches empty.
 */
@MicronautTest(transactional = false, rebuildContext = true)
@Property(name = StoreCommandLog.PATH, value = "/at/ussd")
class BookingStoreCommandsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ClinicFixture clinic;

    @Inject
    StoreCommandLog log;

    /** Monday 08:10 in Nairobi. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** What the patient types, a fragment of the screen it brings, and the most commands it may cost. */
    private record Hop(String input, String screen, int firstBudget, int steadyBudget) {
    }

    private static final List<Hop> BOOKING = List.of(
            new Hop("DIAL", "1. Book appointment", 4, 4),
            new Hop("1", "Choose a service", 2, 1),
            new Hop("1", "Choose a doctor", 2, 1),
            new Hop("2", "Choose a day", 3, 1),
            new Hop("2", "Choose a time", 1, 1),
            new Hop("3", "Confirm?", 1, 1),
            // Confirm also writes the visit's bill and its audit entry (the doctor's fee is above zero)
            new Hop("1", "Booked: Dr Amina Wanjiru", 9, 9));

    /** The same with "Any available" doctor: the claims of all the specialty's doctors are read in one query. */
    private static final List<Hop> ANY_DOCTOR = List.of(
            new Hop("DIAL", "1. Book appointment", 4, 4),
            new Hop("1", "Choose a service", 2, 1),
            new Hop("1", "Choose a doctor", 2, 1),
            new Hop("3", "Choose a day", 4, 1),
            new Hop("2", "Choose a time", 1, 1),
            new Hop("3", "Confirm?", 1, 1),
            new Hop("1", "Booked: Dr Amina", 9, 9));

    @Test
    void aBookingConversationStaysWithinItsCommandBudget() {
        assertWithinBudget(BOOKING);
    }

    @Test
    void bookingAnyAvailableDoctorStaysWithinItsCommandBudget() {
        assertWithinBudget(ANY_DOCTOR);
    }

    /**
     * The dial reads the phone's last USSD session to offer resuming it; one this instance ended (the booking) is
     * known finished and not read again.
     */
    @Test
    void dialingAgainAfterAFinishedBookingDoesNotReadTheFinishedSession() {
        addClinic();
        converse(BOOKING, "+254711000001");

        List<String> dial = converse(List.of(BOOKING.getFirst()), "+254711000001").getFirst().commands();

        assertEquals("aggregate patients, find staff_phones, findAndModify ussd_phones, insert ussd_sessions", StoreCommandLog.summary(dial));
    }

    private void addClinic() {
        clinic.doctor("Kamau", "General Medicine", "kamau");
        clinic.doctor("Wanjiru", "General Medicine", "wanjiru");
        clinic.doctor("Odhiambo", "Paediatrics", "odhiambo");
        clinic.patient("Achieng", "+254711000001");
        clinic.patient("Baraka", "+254711000002");
    }

    private void assertWithinBudget(List<Hop> hops) {
        addClinic();

        List<String> report = new ArrayList<>();
        boolean first = withinBudget(hops, converse(hops, "+254711000001"), true, report);
        boolean steady = withinBudget(hops, converse(hops, "+254711000002"), false, report);

        System.out.println(String.join("\n", report));
        assertTrue(first && steady, "store commands over budget:\n" + String.join("\n", report));
    }

    private record Answer(String screen, List<String> commands) {
    }

    private List<Answer> converse(List<Hop> hops, String number) {
        UssdPhone phone = new UssdPhone(client.toBlocking(), number);
        log.drain();
        List<Answer> answers = new ArrayList<>();
        for (Hop hop : hops) {
            String screen = hop.input().equals("DIAL") ? phone.dial() : phone.type(hop.input());
            answers.add(new Answer(screen, log.drain()));
        }
        return answers;
    }

    /** Checks every hop's screen and commands, adding one line per hop and a total to the report. */
    private static boolean withinBudget(List<Hop> hops, List<Answer> answers, boolean first, List<String> report) {
        report.add(first ? "first conversation (reference data not loaded yet):" : "steady state:");
        boolean within = true;
        int total = 0;
        int budget = 0;
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            Answer answer = answers.get(i);
            assertTrue(answer.screen().contains(hop.screen()), "after " + hop.input() + ": " + answer.screen());
            // every hop writes its session; were the writer's thread no longer counted, budgets would pass unearned
            assertTrue(answer.commands().stream().anyMatch(command -> command.contains("ussd_sessions")),
                    "no session write counted after " + hop.input() + ": " + answer.commands());
            int allowed = first ? hop.firstBudget() : hop.steadyBudget();
            int used = answer.commands().size();
            within &= used <= allowed;
            total += used;
            budget += allowed;
            report.add("  %-5s %2d of %2d  %s".formatted(hop.input(), used, allowed, StoreCommandLog.summary(answer.commands())));
        }
        report.add("  total %2d of %2d".formatted(total, budget));
        return within;
    }
}
