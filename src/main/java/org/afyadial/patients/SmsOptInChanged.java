package org.afyadial.patients;

/** A patient's SMS were turned on or off, by whatever channel; the SMS feature acts on what is queued. */
public record SmsOptInChanged(String patientId, boolean optIn) {
}
