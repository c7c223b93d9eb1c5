package org.afyadial.sms;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.patients.SmsOptInChanged;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What SMS a patient wants, both on the patient record: all non-essential SMS on or off (the SMS opt-in, set by
 * STOP/START, the USSD menu, staff editing the record, or the operator's blacklist) and appointment reminders on or
 * off (the USSD menu). Turning something off cancels what is already queued; turning it back on queues again what
 * still lies ahead. Non-essential means reminders: a STOP never silences what is part of the patient's care (a
 * booking's confirmation, a note that lab results are ready), which goes to any phone that works.
 */
@Singleton
public class SmsPreferences {

    static final Set<MessageKind> NON_ESSENTIAL = EnumSet.of(MessageKind.APPOINTMENT_REMINDER, MessageKind.MEDICATION_REMINDER);
    private static final Set<MessageKind> APPOINTMENT_REMINDERS = EnumSet.of(MessageKind.APPOINTMENT_REMINDER);

    private final PatientService patients;
    private final Outbox outbox;

    SmsPreferences(PatientService patients, Outbox outbox) {
        this.patients = patients;
        this.outbox = outbox;
    }

    /** The patient record's opt-in changed: STOP/START, the USSD menu, staff editing the record, the blacklist. */
    @EventListener
    void on(SmsOptInChanged change) {
        toggle(List.of(change.patientId()), NON_ESSENTIAL, CancelReason.OPTED_OUT, change.optIn());
    }

    public void setAppointmentReminders(String patientId, boolean on, Channel channel) {
        patients.setAppointmentReminders(patientId, on, channel);
        toggle(List.of(patientId), APPOINTMENT_REMINDERS, CancelReason.REMINDERS_OFF, on);
    }

    /** Whether a message of this kind may be queued for the patient now. */
    public boolean wants(Patient patient, MessageKind kind) {
        if (patient.phone() == null || patient.phoneInvalid()) {
            return false;
        }
        return !NON_ESSENTIAL.contains(kind)
                || patient.smsOptIn() && (kind != MessageKind.APPOINTMENT_REMINDER || patient.appointmentReminders());
    }

    private void toggle(List<String> patientIds, Set<MessageKind> kinds, CancelReason reason, boolean on) {
        if (patientIds.isEmpty()) {
            return;
        }
        if (on) {
            outbox.requeueCancelled(patientIds, kinds, reason);
        } else {
            outbox.cancelQueued(patientIds, kinds, reason);
        }
    }
}
