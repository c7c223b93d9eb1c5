package org.afyadial.appointments;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.FreeSlotFinder;
import org.afyadial.doctors.SlotClaims;
import org.afyadial.doctors.SlotTaken;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clinic is in Nairobi (UTC+3). It is Friday 20 November 2026, 09:00 there; doctors work
 * weekdays 08:00-12:00 in 30-minute slots, so Monday 23rd 09:00 local is 06:00 UTC.
 */
@MicronautTest(transactional = false)
class AppointmentServiceTest {

    static final Instant FRIDAY_9AM = Instant.parse("2026-11-20T06:00:00Z");
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @Inject
    AppointmentService appointments;

    @Inject
    FreeSlotFinder slots;

    @Inject
    ClinicFixture clinic;

    @Inject
    RecordedEvents recorded;

    @Inject
    SlotClaims claims;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    Doctor wanjiru;
    Doctor kariuki;
    Patient patient;

    @BeforeEach
    void clinic() {
        clock.set(FRIDAY_9AM);
        String unique = Long.toString(System.nanoTime());
        wanjiru = clinic.doctor("Wanjiru", "Paediatrics " + unique, "wanjiru" + unique);
        kariuki = clinic.doctor("Kariuki", "Paediatrics " + unique, "kariuki" + unique);
        patient = clinic.patient("Halima", "+254711" + unique.substring(unique.length() - 6));
    }

    @Test
    void aBookingIsConfirmedAtOnceAndAnnounced() {
        Appointment booked = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, "fever", Channel.USSD);

        assertEquals(AppointmentStatus.CONFIRMED, booked.status());
        assertEquals(MONDAY_9AM.plus(Duration.ofMinutes(30)), booked.end());
        assertEquals(wanjiru.specialty(), booked.specialty());
        assertTrue(booked.reference().matches("AFD-[2-9A-HJKMNP-Z]{5}"), booked.reference());
        AppointmentChanged event = recorded.of(booked.id()).getFirst();
        assertEquals(ChangeKind.BOOKED, event.kind());
        assertNull(event.previousStatus());
        assertEquals(Channel.USSD, event.channel());
        assertEquals(patient, event.patient(), "listeners get the patient the booking read");
        assertFalse(slots.freeSlots(wanjiru.id(), MONDAY_9AM, MONDAY_9AM.plusSeconds(1)).stream().findAny().isPresent());
    }

    @Test
    void theSameDoctorAndStartCannotBeBookedTwice() {
        appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);
        Patient other = clinic.patient("Other", "+254799000001");

        assertThrows(SlotTaken.class, () -> appointments.book(other.id(), wanjiru.id(), MONDAY_9AM, null, Channel.STAFF));
        assertEquals(MONDAY_9AM, appointments.book(other.id(), kariuki.id(), MONDAY_9AM, null, Channel.STAFF).start());
    }

    @Test
    void aStartOffTheGridOrInThePastIsNotOffered() {
        assertThrows(SlotNotOffered.class, () -> appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM.plusSeconds(600), null, Channel.USSD));
        assertThrows(SlotNotOffered.class, () -> appointments.book(patient.id(), wanjiru.id(), FRIDAY_9AM.minusSeconds(1800), null, Channel.USSD));
    }

    @Test
    void anUrgentStaffBookingMayLeaveTheGridButNotShareAStart() {
        Instant offGrid = MONDAY_9AM.plusSeconds(600);
        Appointment urgent = appointments.bookUrgent(patient.id(), wanjiru.id(), offGrid, "bleeding");

        assertTrue(urgent.urgent());
        assertThrows(SlotTaken.class, () -> appointments.bookUrgent(patient.id(), wanjiru.id(), offGrid, "again"));
        assertEquals(List.of(), slots.freeSlots(wanjiru.id(), MONDAY_9AM, MONDAY_9AM.plusSeconds(3600)).stream()
                .filter(s -> s.start().isBefore(offGrid.plusSeconds(1800))).toList(), "overlapped grid slots are no longer offered");
    }

    @Test
    void anyAvailableDoctorOfTheSpecialtyIsBooked() {
        appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);
        Patient other = clinic.patient("Other", "+254799000002");

        Appointment second = appointments.bookAnyAvailable(other.id(), wanjiru.specialty(), MONDAY_9AM, null, Channel.USSD);
        assertEquals(kariuki.id(), second.doctorId());

        Patient third = clinic.patient("Third", "+254799000003");
        assertThrows(NoFreeSlot.class, () -> appointments.bookAnyAvailable(third.id(), wanjiru.specialty(), MONDAY_9AM, null, Channel.USSD));
    }

    @Test
    void aPatientCancelsOutsideTheWindowOnlyAndTheSlotIsFreedAgain() {
        Appointment booked = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);

        clock.set(MONDAY_9AM.minus(Duration.ofHours(23)));
        var refused = assertThrows(CancellationWindowClosed.class, () -> appointments.cancelByPatient(booked.id(), patient.id(), Channel.USSD));
        assertTrue(refused.getMessage().contains("24 hours"), refused.getMessage());

        clock.set(MONDAY_9AM.minus(Duration.ofHours(25)));
        assertThrows(NotYourAppointment.class, () -> appointments.cancelByPatient(booked.id(), "someone-else", Channel.USSD));
        Appointment cancelled = appointments.cancelByPatient(booked.id(), patient.id(), Channel.SMS);

        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals(AppointmentStatus.CONFIRMED, recorded.of(booked.id()).getLast().previousStatus());
        assertEquals(MONDAY_9AM, appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD).start());
    }

    @Test
    void staffCancelInsideTheWindowWithAReason() {
        Appointment booked = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);
        clock.set(MONDAY_9AM.minus(Duration.ofHours(1)));

        Appointment cancelled = appointments.cancelByStaff(booked.id(), "doctor called away", null);

        assertEquals("doctor called away", cancelled.cancelReason());
        var again = assertThrows(IllegalTransition.class, () -> appointments.cancelByStaff(booked.id(), "twice", null));
        assertTrue(again.getMessage().contains("allowed: none"), again.getMessage());
    }

    @Test
    void anUnknownAppointmentIsNotFound() {
        assertThrows(AppointmentNotFound.class, () -> appointments.noShow("missing-id", null));
        assertThrows(AppointmentNotFound.class, () -> appointments.checkIn("6b01c7288ef4284012dffc25"));
    }

    @Test
    void theLifeOfAVisit() {
        Appointment booked = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.STAFF);

        appointments.checkIn(booked.id());
        Appointment done = appointments.complete(booked.id(), wanjiru.username());

        assertEquals(AppointmentStatus.COMPLETED, done.status());
        assertEquals(List.of(ChangeKind.BOOKED, ChangeKind.CHECKED_IN, ChangeKind.COMPLETED),
                recorded.of(booked.id()).stream().map(AppointmentChanged::kind).toList());
        assertThrows(IllegalTransition.class, () -> appointments.noShow(booked.id(), null));
    }

    @Test
    void aRescheduleLinksBothAppointmentsAndMovesTheClaim() {
        Appointment old = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, "check-up", Channel.USSD);
        Instant later = MONDAY_9AM.plus(Duration.ofHours(1));

        Appointment moved = appointments.rescheduleByPatient(old.id(), patient.id(), later, Channel.USSD);

        assertEquals(old.id(), moved.previousAppointmentId());
        assertEquals(later, moved.start());
        assertEquals("check-up", moved.reason());
        Appointment after = appointments.get(old.id());
        assertEquals(AppointmentStatus.RESCHEDULED, after.status());
        assertEquals(moved.id(), after.rescheduledToId());
        AppointmentChanged event = recorded.of(moved.id()).getLast();
        assertEquals(ChangeKind.RESCHEDULED, event.kind());
        assertEquals(AppointmentStatus.CONFIRMED, event.previousStatus());
        assertEquals(MONDAY_9AM, appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD).start());
        assertThrows(IllegalTransition.class, () -> appointments.reschedule(old.id(), later.plusSeconds(1800), null));
    }

    @Test
    void aRescheduleToATakenSlotLeavesTheOriginalUntouched() {
        Appointment old = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);
        Instant taken = MONDAY_9AM.plus(Duration.ofHours(1));
        appointments.book(clinic.patient("Other", "+254799000004").id(), wanjiru.id(), taken, null, Channel.USSD);

        assertThrows(SlotTaken.class, () -> appointments.reschedule(old.id(), taken, null));
        assertEquals(AppointmentStatus.CONFIRMED, appointments.get(old.id()).status());
    }

    @Test
    void upcomingAppointmentsOfAPatientAndOfAFamilyPhone() {
        Appointment later = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM.plus(Duration.ofDays(1)), null, Channel.USSD);
        Appointment sooner = appointments.book(patient.id(), kariuki.id(), MONDAY_9AM, null, Channel.USSD);
        Appointment cancelled = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);
        appointments.cancelByStaff(cancelled.id(), "duplicate", null);
        Patient sibling = clinic.patient("Sibling", patient.phone());
        Appointment siblings = appointments.book(sibling.id(), wanjiru.id(), MONDAY_9AM.minus(Duration.ofDays(3)).plusSeconds(1800), null, Channel.USSD);

        assertEquals(List.of(sooner.id(), later.id()), appointments.upcomingFor(patient.id()).stream().map(Appointment::id).toList());
        assertEquals(sooner.id(), appointments.nextOpenFor(patient.id()).orElseThrow().id());
        assertEquals(siblings.id(), appointments.nextOpenForPhone(patient.phone()).orElseThrow().id());
    }

    @Test
    void aRequestedAppointmentIsAssignedAnotherDoctorOfItsSpecialty() {
        Appointment booked = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);

        var notRequested = assertThrows(IllegalTransition.class, () -> appointments.assignDoctor(booked.id(), kariuki.id()));
        assertTrue(notRequested.getMessage().contains("only REQUESTED"), notRequested.getMessage());
        assertTrue(slots.freeSlotsOn(kariuki.id(), LocalDate.of(2026, 11, 23)).stream().anyMatch(s -> s.start().equals(MONDAY_9AM)),
                "the failed assignment released its claim");
    }

    @Test
    void aClaimLeftByACrashedBookingIsReleasedOnceItIsOld() {
        claims.claim(wanjiru.id(), MONDAY_9AM, MONDAY_9AM.plusSeconds(1800), "AFD-DEAD1");

        assertThrows(SlotTaken.class, () -> appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD),
                "a fresh claim may be a booking in progress");
        clock.advance(Duration.ofMinutes(2));

        assertEquals(MONDAY_9AM, appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD).start());
        Patient other = clinic.patient("Late", "+254799000005");
        clock.advance(Duration.ofMinutes(2));
        assertThrows(SlotTaken.class, () -> appointments.book(other.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD),
                "a claim held by an active appointment is never released");
    }
}
