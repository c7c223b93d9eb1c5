package org.afyadial.ussd.patient;

import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.appointments.AppointmentSettings;
import org.afyadial.appointments.CancellationWindowClosed;
import org.afyadial.audit.AuditTrail;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.Specialty;
import org.afyadial.patients.Channel;
import org.afyadial.ussd.ActionContext;
import org.afyadial.ussd.ActionResult;
import org.afyadial.ussd.ListItem;
import org.afyadial.ussd.UssdAction;

import java.time.Duration;

/** My appointments (behind the PIN): the list, one appointment's details, cancelling it, starting its move. */
final class AppointmentActions {

    private static final String APPOINTMENT = "appointment";

    private AppointmentActions() {
    }

    private static String specialtyName(DoctorService doctors, String specialtyId) {
        return doctors.findSpecialty(specialtyId).map(Specialty::name).orElse(specialtyId);
    }

    private static ActionResult tooLate(ActionContext context, AppointmentSettings settings) {
        context.put("windowHours", String.valueOf(settings.cancellationWindowHours()));
        return ActionResult.outcome("window");
    }

    @Singleton
    static class UpcomingAppointments implements UssdAction {
        private final AppointmentService appointments;
        private final DoctorService doctors;
        private final Labels labels;

        UpcomingAppointments(AppointmentService appointments, DoctorService doctors, Labels labels) {
            this.appointments = appointments;
            this.doctors = doctors;
            this.labels = labels;
        }

        @Override
        public String name() {
            return "upcomingAppointments";
        }

        @Override
        public ActionResult run(ActionContext context) {
            return ActionResult.items(appointments.upcomingFor(context.require(PatientActions.PATIENT_ID)).stream()
                    .map(a -> new ListItem(a.id(), labels.dayAndTime(a.start(), context.language()) + " "
                            + specialtyName(doctors, a.specialty())))
                    .toList());
        }
    }

    /** Loads the chosen appointment for the details screen; a read of the patient's record, so it is audited. */
    @Singleton
    static class OpenAppointment implements UssdAction {
        private final AppointmentService appointments;
        private final DoctorService doctors;
        private final Labels labels;
        private final AuditTrail audit;

        OpenAppointment(AppointmentService appointments, DoctorService doctors, Labels labels, AuditTrail audit) {
            this.appointments = appointments;
            this.doctors = doctors;
            this.labels = labels;
            this.audit = audit;
        }

        @Override
        public String name() {
            return "openAppointment";
        }

        @Override
        public ActionResult run(ActionContext context) {
            String patientId = context.require(PatientActions.PATIENT_ID);
            Appointment appointment = appointments.get(context.require(APPOINTMENT));
            if (!appointment.patientId().equals(patientId)) {
                throw new IllegalStateException("Appointment " + appointment.id() + " is not the patient's");
            }
            context.put("reference", appointment.reference());
            context.put("appointmentTime", labels.dayAndTime(appointment.start(), context.language()));
            context.put("doctorName", doctors.get(appointment.doctorId()).displayName());
            context.put("specialty", appointment.specialty());
            context.put("specialtyLabel", specialtyName(doctors, appointment.specialty()));
            audit.recordAs("ussd:" + patientId, Channel.USSD.name(), "appointment.read", APPOINTMENT, appointment.id(), patientId);
            return ActionResult.ok();
        }
    }

    @Singleton
    static class CancelAppointment implements UssdAction {
        private final AppointmentService appointments;
        private final AppointmentSettings settings;

        CancelAppointment(AppointmentService appointments, AppointmentSettings settings) {
            this.appointments = appointments;
            this.settings = settings;
        }

        @Override
        public String name() {
            return "cancelAppointment";
        }

        @Override
        public boolean changesRecords() {
            return true;
        }

        @Override
        public ActionResult run(ActionContext context) {
            try {
                appointments.cancelByPatient(context.require(APPOINTMENT), context.require(PatientActions.PATIENT_ID), Channel.USSD);
                return ActionResult.ok();
            } catch (CancellationWindowClosed e) {
                return tooLate(context, settings);
            }
        }
    }

    /**
     * Before the patient picks a new day: refused inside the cancellation window (the service refuses it too, this
     * only spares choosing a time in vain); otherwise the booking states continue with the appointment's doctor.
     */
    @Singleton
    static class StartReschedule implements UssdAction {
        private final AppointmentService appointments;
        private final AppointmentSettings settings;

        StartReschedule(AppointmentService appointments, AppointmentSettings settings) {
            this.appointments = appointments;
            this.settings = settings;
        }

        @Override
        public String name() {
            return "startReschedule";
        }

        @Override
        public ActionResult run(ActionContext context) {
            Appointment appointment = appointments.get(context.require(APPOINTMENT));
            if (context.now().plus(Duration.ofHours(settings.cancellationWindowHours())).isAfter(appointment.start())) {
                return tooLate(context, settings);
            }
            context.put("rescheduling", appointment.id());
            context.put("doctor", appointment.doctorId());
            return ActionResult.ok();
        }
    }
}
