package org.afyadial.sms;

/**
 * Why a message is sent. Quiet hours hold back what can wait; answers to a patient's own text
 * and medication reminders (whose times the patient chose) go out when due.
 */
public enum MessageKind {
    REPLY(false),
    STAFF(true),
    APPOINTMENT_CONFIRMATION(true),
    APPOINTMENT_REMINDER(true),
    MEDICATION_REMINDER(false),
    RESULTS_READY(true);

    private final boolean waitsForQuietHoursEnd;

    MessageKind(boolean waitsForQuietHoursEnd) {
        this.waitsForQuietHoursEnd = waitsForQuietHoursEnd;
    }

    boolean waitsForQuietHoursEnd() {
        return waitsForQuietHoursEnd;
    }
}
