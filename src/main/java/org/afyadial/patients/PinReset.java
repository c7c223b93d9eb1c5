package org.afyadial.patients;

/** Reception reset a patient's PIN; USSD lifts the lock wrong PINs put on the patient's phone. */
public record PinReset(String patientId, String phone) {
}
