package org.afyadial.doctors;

/** What receptionists see right now about a doctor; it does not change the slots offered (leave does). */
public enum Availability {
    AVAILABLE, BUSY, AWAY
}
