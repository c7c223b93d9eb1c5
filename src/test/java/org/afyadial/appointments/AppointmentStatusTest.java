package org.afyadial.appointments;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every from x to pair of the state machine: the listed ones are allowed, every other one is not. */
class AppointmentStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            REQUESTED   | CONFIRMED REFUSED CANCELLED RESCHEDULED
            CONFIRMED   | CHECKED_IN NO_SHOW CANCELLED RESCHEDULED
            CHECKED_IN  | COMPLETED
            REFUSED     | -
            COMPLETED   | -
            NO_SHOW     | -
            CANCELLED   | -
            RESCHEDULED | -
            """)
    void allowsExactlyTheListedTransitions(AppointmentStatus from, String allowed) {
        Set<AppointmentStatus> expected = allowed == null ? EnumSet.noneOf(AppointmentStatus.class)
                : Arrays.stream(allowed.split(" ")).map(AppointmentStatus::valueOf).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(AppointmentStatus.class)));

        for (AppointmentStatus to : AppointmentStatus.values()) {
            assertEquals(expected.contains(to), from.canBecome(to), from + " -> " + to);
        }
    }

    @ParameterizedTest
    @CsvSource({"REQUESTED,true", "CONFIRMED,true", "CHECKED_IN,true", "COMPLETED,true", "NO_SHOW,true",
            "REFUSED,false", "CANCELLED,false", "RESCHEDULED,false"})
    void onlyRefusedCancelledAndRescheduledFreeTheSlot(AppointmentStatus status, boolean holds) {
        assertEquals(holds, status.holdsSlot());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CANCELLED | CONFIRMED | An appointment that is CANCELLED cannot become CONFIRMED; allowed: none (CANCELLED is final)
            REQUESTED | COMPLETED | An appointment that is REQUESTED cannot become COMPLETED; allowed: CANCELLED, CONFIRMED, REFUSED, RESCHEDULED
            """)
    void theRefusalNamesTheAllowedTransitions(AppointmentStatus from, AppointmentStatus to, String message) {
        assertEquals(message, new IllegalTransition(from, to).getMessage());
    }
}
