package org.afyadial.payments;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentChanged;
import org.afyadial.audit.AuditTrail;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.Fee;
import org.afyadial.system.ClinicSettings;

import java.time.Clock;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Bills follow appointments: a booking with a doctor whose fee is above zero gets a bill for the fee (once, even
 * if the event is repeated: one bill per appointment under a unique index); a reschedule carries it over; a
 * cancellation voids it while unpaid, or marks it REFUND_DUE once money was taken.
 */
@Singleton
class AppointmentBilling {

    private static final List<BillStatus> PAID_SOMETHING = List.of(BillStatus.PARTIALLY_PAID, BillStatus.PAID);

    private final Bills bills;
    private final DoctorService doctors;
    private final AuditTrail audit;
    private final ClinicSettings clinic;
    private final Clock clock;

    AppointmentBilling(Bills bills, DoctorService doctors, AuditTrail audit, ClinicSettings clinic, Clock clock) {
        this.bills = bills;
        this.doctors = doctors;
        this.audit = audit;
        this.clinic = clinic;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentChanged change) {
        Appointment appointment = change.appointment();
        switch (change.kind()) {
            case BOOKED -> bill(appointment);
            case RESCHEDULED -> bills.moveToAppointment(appointment.previousAppointmentId(), appointment.id(), clock.instant());
            case CANCELLED, REFUSED -> close(appointment);
            default -> { }
        }
    }

    private void bill(Appointment appointment) {
        Doctor doctor = doctors.find(appointment.doctorId()).orElse(null);
        Fee fee = doctor == null ? null : doctor.fee();
        if (fee == null || fee.amount().signum() <= 0) {
            return;
        }
        String currency = fee.currency() == null ? clinic.currency() : fee.currency();
        bills.insert(appointment.patientId(), appointment.id(),
                        List.of(new Bill.Line(doctor.displayName() + " " + appointment.reference(), Money.minorUnits(fee.amount(), currency))),
                        currency, clock.instant())
                .ifPresent(b -> audit.recordAs("system", "appointment", "bill.create", "bill", b.id(), b.patientId()));
    }

    private void close(Appointment appointment) {
        var which = eq("appointmentId", appointment.id());
        bills.move(which, List.of(BillStatus.UNPAID), BillStatus.VOID, "appointment " + appointment.status(), clock.instant())
                .or(() -> bills.move(which, PAID_SOMETHING, BillStatus.REFUND_DUE, "appointment " + appointment.status(), clock.instant()))
                .ifPresent(b -> audit.recordAs("system", "appointment", "bill." + b.status().name().toLowerCase(java.util.Locale.ROOT),
                        "bill", b.id(), b.patientId()));
    }
}
