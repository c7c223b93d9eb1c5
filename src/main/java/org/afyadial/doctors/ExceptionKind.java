package org.afyadial.doctors;

/** A change to one day of a doctor's weekly schedule. */
public enum ExceptionKind {
    /** No consultations (the whole day, or between from and to). */
    LEAVE,
    /** Consultations between from and to on top of the weekly hours. */
    EXTRA_HOURS
}
