package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.appointments.AppointmentSettings;
import org.afyadial.appointments.CancellationWindowClosed;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Channel;
import org.afyadial.patients.PatientService;
import org.afyadial.store.VersionedUpdate;
import org.afyadial.system.ProblemException;

import java.util.HashMap;
import java.util.Map;

/**
 * What a patient's SMS command does. The phone may be shared by a family: CONFIRM and CANCEL act
 * on the soonest open appointment of anybody on it, STOP and START on everybody on it.
 */
@Singleton
class PatientSmsCommands {

    /** The reply's template and values, and the appointment acted on (or null). */
    record Reply(String templateKey, Map<String, String> values, String appointmentId) {
    }

    private final AppointmentService appointments;
    private final AppointmentSettings appointmentSettings;
    private final PatientService patients;
    private final AppointmentTexts texts;
    private final SmsTemplates templates;
    private final AuditTrail audit;

    PatientSmsCommands(AppointmentService appointments, AppointmentSettings appointmentSettings, PatientService patients,
                       AppointmentTexts texts, SmsTemplates templates, AuditTrail audit) {
        this.appointments = appointments;
        this.appointmentSettings = appointmentSettings;
        this.patients = patients;
        this.texts = texts;
        this.templates = templates;
        this.audit = audit;
    }

    Reply run(SmsCommand command, String phone, String language) {
        return switch (command) {
            case CONFIRM -> confirm(phone);
            case CANCEL -> cancel(phone, language);
            case STOP -> {
                patients.setSmsOptInByPhone(phone, false, Channel.SMS);
                yield new Reply("stopped", Map.of(), null);
            }
            case START -> {
                patients.setSmsOptInByPhone(phone, true, Channel.SMS);
                yield new Reply("started", Map.of(), null);
            }
            case HELP -> new Reply("help", Map.of(), null);
        };
    }

    /** The patient says they will come; the appointment's status is the clinic's business and stays as it is. */
    private Reply confirm(String phone) {
        return appointments.nextOpenForPhone(phone).map(appointment -> {
            audit.recordAs("sms:" + appointment.patientId(), "SMS", "appointment.patient-confirm", "appointment",
                    appointment.id(), appointment.patientId());
            return new Reply("patient-confirmed", texts.when(appointment), appointment.id());
        }).orElseGet(() -> new Reply("no-appointment", Map.of(), null));
    }

    private Reply cancel(String phone, String language) {
        return appointments.nextOpenForPhone(phone).map(appointment -> {
            try {
                Appointment cancelled = appointments.cancelByPatient(appointment.id(), appointment.patientId(), Channel.SMS);
                return new Reply("patient-cancelled", texts.when(cancelled), appointment.id());
            } catch (ProblemException | VersionedUpdate.ChangedMeanwhile refused) {
                Map<String, String> values = new HashMap<>(texts.when(appointment));
                values.put("reason", refused instanceof CancellationWindowClosed
                        ? templates.render(language, "too-late", Map.of("hours", String.valueOf(appointmentSettings.cancellationWindowHours())))
                        : refused.getMessage());
                return new Reply("cancel-refused", values, appointment.id());
            }
        }).orElseGet(() -> new Reply("no-appointment", Map.of(), null));
    }
}
