package org.afyadial.patients;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A patient of the clinic. Several patients may share one phone (a family), so the phone is not
 * unique; the {@code identifier} ({@code AFD-PT-000123}) is. {@code pinHash} (bcrypt) protects
 * USSD access and is never part of an API answer; {@code newPinDue} says reception reset it, so the next dial
 * asks the patient for a new one. {@code searchName} is the accent-free,
 * lower-case "first last" used for prefix search. {@code smsOptIn} turns all non-essential SMS on or off,
 * {@code appointmentReminders} the reminders of visits alone.
 */
@Serdeable
@MappedEntity("patients")
public record Patient(
        @Id @GeneratedValue String id,
        String identifier,
        String firstName,
        String lastName,
        String phone,
        Integer birthYear,
        Sex sex,
        Language language,
        List<String> allergies,
        List<String> chronicConditions,
        Boolean pregnant,
        String bloodType,
        boolean smsOptIn,
        Boolean appointmentReminders,
        String pinHash,
        boolean newPinDue,
        boolean phoneInvalid,
        String searchName,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    public Patient {
        // the store leaves empty lists out of the document
        allergies = allergies == null ? List.of() : allergies;
        chronicConditions = chronicConditions == null ? List.of() : chronicConditions;
        // on unless the patient turned them off; records stored before the field have none
        appointmentReminders = appointmentReminders == null || appointmentReminders;
    }

    public boolean hasPin() {
        return pinHash != null;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    Patient withDetails(PatientDetails details, String e164, Instant now) {
        return new Patient(id, identifier, details.firstName(), details.lastName(), e164, details.birthYear(),
                details.sex(), details.language(), details.allergies(), details.chronicConditions(), details.pregnant(),
                details.bloodType(), details.smsOptIn(), appointmentReminders, pinHash, newPinDue, phoneInvalid && e164.equals(phone),
                SearchNames.of(details.firstName(), details.lastName()), createdAt, now, version);
    }

    Patient withLanguage(Language newLanguage, Instant now) {
        return new Patient(id, identifier, firstName, lastName, phone, birthYear, sex, newLanguage, allergies,
                chronicConditions, pregnant, bloodType, smsOptIn, appointmentReminders, pinHash, newPinDue, phoneInvalid, searchName, createdAt, now, version);
    }

    Patient withSmsOptIn(boolean optIn, Instant now) {
        return new Patient(id, identifier, firstName, lastName, phone, birthYear, sex, language, allergies,
                chronicConditions, pregnant, bloodType, optIn, appointmentReminders, pinHash, newPinDue, phoneInvalid, searchName, createdAt, now, version);
    }

    Patient withAppointmentReminders(boolean on, Instant now) {
        return new Patient(id, identifier, firstName, lastName, phone, birthYear, sex, language, allergies,
                chronicConditions, pregnant, bloodType, smsOptIn, on, pinHash, newPinDue, phoneInvalid, searchName, createdAt, now, version);
    }

    Patient withPinHash(String newPinHash, Instant now) {
        return new Patient(id, identifier, firstName, lastName, phone, birthYear, sex, language, allergies,
                chronicConditions, pregnant, bloodType, smsOptIn, appointmentReminders, newPinHash, false, phoneInvalid, searchName, createdAt, now, version);
    }

    /** The PIN cleared after an identity check at reception: the next dial asks for a new one. */
    Patient withPinReset(Instant now) {
        return new Patient(id, identifier, firstName, lastName, phone, birthYear, sex, language, allergies,
                chronicConditions, pregnant, bloodType, smsOptIn, appointmentReminders, null, true, phoneInvalid, searchName, createdAt, now, version);
    }

    Patient withPhoneInvalid(Instant now) {
        return new Patient(id, identifier, firstName, lastName, phone, birthYear, sex, language, allergies,
                chronicConditions, pregnant, bloodType, smsOptIn, appointmentReminders, pinHash, newPinDue, true, searchName, createdAt, now, version);
    }
}
