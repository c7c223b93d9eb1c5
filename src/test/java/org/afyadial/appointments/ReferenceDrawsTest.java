package org.afyadial.appointments;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.SlotClaims;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** References are drawn at random; a draw another appointment already has is drawn again, and its claim let go. */
@MicronautTest(transactional = false)
class ReferenceDrawsTest {

    /** Draws in the order the test scripts them. */
    static class ScriptedReferences extends References {
        final Deque<String> next = new ArrayDeque<>();

        @Override
        public String draw() {
            return next.removeFirst();
        }
    }

    private final ScriptedReferences references = new ScriptedReferences();

    @Inject
    AppointmentService appointments;

    @Inject
    ClinicFixture clinic;

    @Inject
    SlotClaims claims;

    @MockBean(Clock.class)
    Clock clock() {
        return new MovableClock(FRIDAY_9AM);
    }

    @MockBean(References.class)
    References references() {
        return references;
    }

    @Test
    void aReferenceAlreadyGivenIsDrawnAgain() {
        Doctor doctor = clinic.doctor("Draws", "Draws Medicine", "dr.draws");
        Patient patient = clinic.patient("Imani", "+254713000001");
        references.next.addAll(List.of("AFD-AAAAA", "AFD-AAAAA", "AFD-BBBBB"));

        Appointment first = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        Appointment second = appointments.book(patient.id(), doctor.id(), MONDAY_9AM.plus(Duration.ofMinutes(30)), null, Channel.USSD);

        assertEquals("AFD-AAAAA", first.reference());
        assertEquals("AFD-BBBBB", second.reference());
        assertEquals("AFD-BBBBB", claims.holderOf(doctor.id(), second.start()).orElseThrow().holder(),
                "the claim made with the taken reference was released, then made again");
        assertTrue(references.next.isEmpty());
    }
}
