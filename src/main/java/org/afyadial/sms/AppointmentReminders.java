package org.afyadial.sms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentChanged;
import org.afyadial.appointments.AppointmentStatus;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SMS that follow an appointment's life: a confirmation as soon as it is CONFIRMED, reminders at
 * {@code REMINDER_OFFSETS} before it starts (queued now with a future due time, expiring at the
 * start), and the pending reminders cancelled when it is cancelled, refused or moved.
 */
@Singleton
class AppointmentReminders {

    private final PatientService patients;
    private final SmsPreferences preferences;
    private final Outbox outbox;
    private final SmsTemplates templates;
    private final AppointmentTexts texts;
    private final SmsSettings settings;
    private final Clock clock;

    AppointmentReminders(PatientService patients, SmsPreferences preferences, Outbox outbox, SmsTemplates templates,
                         AppointmentTexts texts, SmsSettings settings, Clock clock) {
        this.patients = patients;
        this.preferences = preferences;
        this.outbox = outbox;
        this.templates = templates;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(AppointmentChanged change) {
        Appointment appointment = change.appointment();
        switch (change.kind()) {
            case BOOKED, CONFIRMED -> follow(appointment, change.patient());
            case RESCHEDULED -> {
                cancelReminders(appointment.previousAppointmentId());
                follow(appointment, change.patient());
            }
            case CANCELLED, REFUSED, NO_SHOW, CHECKED_IN, COMPLETED -> cancelReminders(appointment.id());
            case DOCTOR_ASSIGNED -> { }
        }
    }

    /**
     * What the listener does for the appointment's last change, done again from its current state: the messages of
     * an open appointment queued (those queued before stay as they are), those of the one it replaced or of a closed
     * one cancelled. A change whose listener a crash cut short is completed this way.
     */
    void settle(Appointment appointment) {
        if (AppointmentStatus.OPEN.contains(appointment.status())) {
            cancelReminders(appointment.previousAppointmentId());
            follow(appointment, null);
        } else {
            cancelReminders(appointment.id());
        }
    }

    /** Queues the confirmation and the reminders still ahead in one write; those queued before stay as they are. */
    private void follow(Appointment appointment, @Nullable Patient known) {
        Patient patient = known != null ? known : patients.get(appointment.patientId());
        if (patient.phoneInvalid()) {
            return;
        }
        String language = patient.language().name();
        Map<String, String> when = texts.when(appointment);
        List<SmsRequest> messages = new ArrayList<>();
        if (appointment.status() == AppointmentStatus.CONFIRMED) {
            messages.add(SmsRequest.now("confirmation:" + appointment.id(), patient.id(), patient.phone(), language,
                    templates.render(language, "confirmed", when), MessageKind.APPOINTMENT_CONFIRMATION));
        }
        List<SmsRequest> reminders = reminders(appointment, patient, language, when);
        if (!reminders.isEmpty() && preferences.wants(patient, MessageKind.APPOINTMENT_REMINDER)) {
            messages.addAll(reminders);
        }
        outbox.queueAll(messages);
    }

    private List<SmsRequest> reminders(Appointment appointment, Patient patient, String language, Map<String, String> when) {
        Instant now = clock.instant();
        String text = templates.render(language, "reminder", when);
        List<SmsRequest> reminders = new ArrayList<>();
        for (Duration offset : settings.reminderOffsets()) {
            Instant due = appointment.start().minus(offset);
            if (due.isAfter(now)) {
                reminders.add(new SmsRequest(reminderKeyPrefix(appointment.id()) + label(offset), patient.id(), patient.phone(),
                        language, text, MessageKind.APPOINTMENT_REMINDER, due, appointment.start()));
            }
        }
        return reminders;
    }

    private void cancelReminders(String appointmentId) {
        if (appointmentId != null) {
            outbox.cancelQueued(reminderKeyPrefix(appointmentId), CancelReason.APPOINTMENT_CHANGED);
        }
    }

    static String reminderKeyPrefix(String appointmentId) {
        return "reminder:" + appointmentId + ":";
    }

    /** {@code 24h}, {@code 90m}: the offset as written in REMINDER_OFFSETS, for the idempotency key. */
    static String label(Duration offset) {
        return offset.toMinutesPart() == 0 ? offset.toHours() + "h" : offset.toMinutes() + "m";
    }
}
