package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * An appointment is stored before its messages are queued: a crash between the two left a booking without its
 * confirmation and reminders, or a cancelled one whose reminders still go out. At every start
 * ({@link SettleMessagesAtStart}), the appointments changed in the last days get their messages settled again ({@link AppointmentReminders#settle}); the idempotency
 * keys, derived from the appointment, keep what was queued before from being queued twice.
 */
@Singleton
class UnsettledAppointmentMessages {

    /** Longer than a service stays down after a crash; shorter than the outbox keeps a sent message. */
    static final Duration LOOK_BACK = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(UnsettledAppointmentMessages.class);

    private final AppointmentService appointments;
    private final AppointmentReminders reminders;
    private final Clock clock;

    UnsettledAppointmentMessages(AppointmentService appointments, AppointmentReminders reminders, Clock clock) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.clock = clock;
    }

    void settleRecentChanges() {
        List<Appointment> changed = appointments.changedSince(clock.instant().minus(LOOK_BACK));
        for (Appointment appointment : changed) {
            try {
                reminders.settle(appointment);
            } catch (RuntimeException e) {
                LOG.error("Could not settle the messages of appointment {}", appointment.id(), e);
            }
        }
        LOG.info("Messages of {} appointments changed in the last {} days settled", changed.size(), LOOK_BACK.toDays());
    }
}
