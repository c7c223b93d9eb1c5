package org.afyadial.sms;

/**
 * Why a message is sent. Quiet hours hold back what can wait; answers to a patient's own text
 * and medication reminders (whose times the patient chose) go out when due.
 */
public enum MessageKind {
    REPLY(false, true),
    STAFF(true, true),
    APPOINTMENT_CONFIRMATION(true, true),
    APPOINTMENT_REMINDER(true, false),
    MEDICATION_REMINDER(false, false);

    private final boolean waitsForQuietHoursEnd;
    private final boolean essential;

    MessageKind(boolean waitsForQuietHoursEnd, boolean essential) {
        this.waitsForQuietHoursEnd = waitsForQuietHoursEnd;
        this.essential = essential;
    }

    boolean waitsForQuietHoursEnd() {
        return waitsForQuietHoursEnd;
    }

    /** Essential messages still go to a patient who sent STOP (answers, staff messages, confirmations). */
    boolean essential() {
        return essential;
    }
}
