package org.afyadial.appointments;

/** What happened to an appointment, as told by {@link AppointmentChanged}. */
public enum ChangeKind {
    BOOKED, CONFIRMED, REFUSED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED,
    /** The event carries the new appointment; {@code previousAppointmentId} names the one it replaces. */
    RESCHEDULED,
    DOCTOR_ASSIGNED
}
