package org.afyadial.sms;

/** Why queued messages were cancelled; only the same reason, lifted, queues them again. */
public enum CancelReason {
    /** The appointment was cancelled, refused or moved: its reminders are void for good. */
    APPOINTMENT_CHANGED,
    /** The patient sent STOP, or the operator reports the number blacklisted. */
    OPTED_OUT,
    /** The patient turned appointment reminders off. */
    REMINDERS_OFF,
    /** The medication reminder was paused. */
    PAUSED,
    /** The medication reminder's times were moved: new messages replace these. */
    TIMES_MOVED
}
