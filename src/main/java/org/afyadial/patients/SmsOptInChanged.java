package org.afyadial.patients;

/** Staff turned a patient's SMS on or off by editing the record; the SMS feature acts on what is queued. */
public record SmsOptInChanged(String patientId, boolean optIn) {
}
