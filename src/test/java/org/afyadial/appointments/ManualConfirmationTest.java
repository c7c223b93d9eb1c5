package org.afyadial.appointments;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.FreeSlotFinder;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With APPOINTMENTS_AUTO_CONFIRM=false a booking waits for its doctor, who alone confirms or refuses it. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.appointments.auto-confirm", value = "false")
class ManualConfirmationTest {

    @Inject
    AppointmentService appointments;

    @Inject
    ClinicFixture clinic;

    @Inject
    FreeSlotFinder slots;

    @MockBean(Clock.class)
    Clock clock() {
        return new MovableClock(FRIDAY_9AM);
    }

    @Test
    void onlyTheAppointmentsDoctorConfirmsIt() {
        Doctor wanjiru = clinic.doctor("Wanjiru", "General", "dr.wanjiru");
        Doctor kariuki = clinic.doctor("Kariuki", "General", "dr.kariuki");
        Patient patient = clinic.patient("Halima", "+254711000111");

        Appointment requested = appointments.book(patient.id(), wanjiru.id(), MONDAY_9AM, null, Channel.USSD);
        assertEquals(AppointmentStatus.REQUESTED, requested.status());

        assertThrows(NotYourAppointment.class, () -> appointments.confirm(requested.id(), kariuki.username()));
        assertThrows(NotYourAppointment.class, () -> appointments.confirm(requested.id(), "receptionist"));
        assertEquals(AppointmentStatus.CONFIRMED, appointments.confirm(requested.id(), wanjiru.username()).status());
    }

    @Test
    void aRefusalFreesTheSlot() {
        Doctor otieno = clinic.doctor("Otieno", "General", "dr.otieno");
        Patient patient = clinic.patient("Baraka", "+254711000222");
        Appointment requested = appointments.book(patient.id(), otieno.id(), MONDAY_9AM, null, Channel.USSD);

        Appointment refused = appointments.refuse(requested.id(), otieno.username(), "on call elsewhere");

        assertEquals(AppointmentStatus.REFUSED, refused.status());
        assertEquals("on call elsewhere", refused.cancelReason());
        assertTrue(slots.freeSlots(otieno.id(), MONDAY_9AM, MONDAY_9AM.plusSeconds(1)).stream().anyMatch(s -> s.start().equals(MONDAY_9AM)));
    }

    @Test
    void aRequestedAppointmentMovesToAnotherDoctorOfTheSpecialty() {
        Doctor first = clinic.doctor("Mwangi", "Dental", "dr.mwangi");
        Doctor second = clinic.doctor("Njoroge", "Dental", "dr.njoroge");
        Doctor other = clinic.doctor("Kamau", "Eyes", "dr.kamau");
        Patient patient = clinic.patient("Zawadi", "+254711000333");
        Appointment requested = appointments.book(patient.id(), first.id(), MONDAY_9AM, null, Channel.USSD);

        assertThrows(DoctorMismatch.class, () -> appointments.assignDoctor(requested.id(), other.id()));
        Appointment assigned = appointments.assignDoctor(requested.id(), second.id());

        assertEquals(second.id(), assigned.doctorId());
        assertTrue(slots.freeSlots(first.id(), MONDAY_9AM, MONDAY_9AM.plusSeconds(1)).stream().anyMatch(s -> s.start().equals(MONDAY_9AM)));
        assertTrue(slots.freeSlots(second.id(), MONDAY_9AM, MONDAY_9AM.plusSeconds(1)).isEmpty());
    }
}
