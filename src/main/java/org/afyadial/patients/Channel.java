package org.afyadial.patients;

import java.util.Locale;

/** Where a change to a patient's record or appointments came from. */
public enum Channel {
    /** The patient, on the USSD menus. */
    USSD,
    /** The patient, answering or writing an SMS. */
    SMS,
    /** A member of staff, through the REST API. */
    STAFF;

    /** The audit actor of a patient acting on their own phone, e.g. {@code ussd:<patient id>}. */
    String patientActor(String patientId) {
        return name().toLowerCase(Locale.ROOT) + ":" + patientId;
    }
}
