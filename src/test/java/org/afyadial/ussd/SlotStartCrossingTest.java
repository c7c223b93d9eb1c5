package org.afyadial.ussd;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A time offered just before its slot starts and chosen, or answered on the confirm screen, just after: the confirm
 * screen still honours {@code 0} (the times left that day) and {@code 00} (home), and Confirm answers that the
 * time is gone. A USSD session dropped on the list of times and continued from a new dial after a slot started
 * offers that time no more. Monday 10:30 in Nairobi is a slot start of the clinic's morning grid.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlotStartCrossingTest {

    private static final Instant BEFORE_START = Instant.parse("2026-03-02T07:29:59.999Z");
    private static final Instant AFTER_START = Instant.parse("2026-03-02T07:30:00.001Z");
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ClinicFixture clinic;

    private final MovableClock clock = new MovableClock(BEFORE_START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void openTheClinic() {
        clinic.doctor("Kamau", "General Medicine", "kamau");
    }

    @ParameterizedTest(name = "the slot starts before the {0} hop; {1} on the confirm screen")
    @CsvSource(delimiter = '|', textBlock = """
            time    | 00 | CON AfyaDial Clinic. Hello Amina
            time    | 0  | CON Choose a time on Mon 2 Mar:\\n1. 11:00\\n
            time    | 1  | CON Sorry, that time has just been taken.
            confirm | 00 | CON AfyaDial Clinic. Hello Amina
            confirm | 0  | CON Choose a time on Mon 2 Mar:\\n1. 11:00\\n
            confirm | 1  | CON Sorry, that time has just been taken.
            """)
    void theConfirmScreenOfASlotThatJustStarted(String crossedBefore, String typed, String expected) {
        String number = "+2547490%05d".formatted(PHONES.incrementAndGet());
        clinic.patient("Amina", number);
        clock.set(BEFORE_START);
        UssdPhone phone = new UssdPhone(http.toBlocking(), number);
        phone.dial();
        phone.type("1");
        phone.type("1");
        phone.type("2");
        assertTrue(phone.type("1").startsWith("CON Choose a time on Mon 2 Mar:\n1. 10:30\n"), "offered before it starts");
        if (crossedBefore.equals("time")) {
            clock.set(AFTER_START);
        }
        String confirm = phone.type("1");
        assertTrue(confirm.startsWith("CON General Medicine, Mon 2 Mar at 10:30. Confirm?"), confirm);
        clock.set(AFTER_START);
        String answer = phone.type(typed);
        assertTrue(answer.startsWith(expected.replace("\\n", "\n")), answer);
    }

    /**
     * The walk of the report: a conversation stopped on the times of the day, the phone dials again after the first
     * of them started and chooses Continue. The list was replayed as it was made before the start, so the started time
     * was offered, and chosen, and the Confirm screen named it.
     */
    @Test
    void timesContinuedAfterTheFirstOfThemStartedNoLongerOfferIt() {
        String number = "+2547490%05d".formatted(PHONES.incrementAndGet());
        clinic.patient("Amina", number);
        clock.set(BEFORE_START);
        UssdPhone phone = new UssdPhone(http.toBlocking(), number);
        phone.dial();
        phone.type("1");
        phone.type("1");
        phone.type("2");
        assertTrue(phone.type("1").startsWith("CON Choose a time on Mon 2 Mar:\n1. 10:30\n2. 11:00\n"));

        clock.set(AFTER_START);
        assertTrue(phone.dial().startsWith("CON You did not finish last time.\n1. Continue\n"));
        String times = phone.type("1");
        assertTrue(times.startsWith("CON Choose a time on Mon 2 Mar:\n1. 11:00\n2. 11:30\n0 Back 00 Menu"), times);
        String confirm = phone.type("1");
        assertTrue(confirm.startsWith("CON General Medicine, Mon 2 Mar at 11:00. Confirm?"), confirm);
        assertTrue(phone.type("00").startsWith("CON AfyaDial Clinic. Hello Amina"));
    }
}
