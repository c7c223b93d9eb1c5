package org.afyadial.imports;

import org.afyadial.patients.ImportedPerson;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One valid row of the dataset: a stay of a person in hospital. Its {@link #key()} is a hash of every normalised
 * field (name case repaired, spaces trimmed, the bill in minor units), unique among admissions: identical rows, in
 * one file or in two runs, are stored once. The admission's {@code _id} is a fresh {@code ObjectId}, which grows
 * with time, so the store's file appends admissions instead of inserting them all over its pages.
 */
record AdmissionRow(
        ImportedPerson person,
        int age,
        String condition,
        LocalDate admitted,
        LocalDate discharged,
        String doctor,
        String hospital,
        String insuranceProvider,
        long billingMinor,
        String currency,
        String room,
        String admissionType,
        String medication,
        String testResult) {

    String key() {
        String normalised = Stream.of(person.firstName(), person.lastName(), age, person.sex(), person.bloodType(), condition,
                        admitted, discharged, doctor, hospital, insuranceProvider, billingMinor, currency, room, admissionType,
                        medication, testResult)
                .map(Objects::toString).collect(Collectors.joining("\u001f")).toLowerCase(Locale.ROOT);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The admission as a history entry of the patient; age and sex are copied so that statistics need no join. */
    Document toDocument(String key, String patientId, Instant importedAt) {
        return new Document("_id", new ObjectId())
                .append(Admissions.ROW_KEY, key)
                .append("patientId", patientId)
                .append("admittedAt", startOf(admitted))
                .append("dischargedAt", startOf(discharged))
                .append("condition", condition)
                .append("doctor", doctor)
                .append("hospital", hospital)
                .append("insuranceProvider", insuranceProvider)
                .append("admissionType", admissionType)
                .append("room", room)
                .append("medication", medication)
                .append("testResult", testResult)
                .append("billing", new Document("amountMinor", billingMinor).append("currency", currency))
                .append("ageAtAdmission", age)
                .append("sex", person.sex().name())
                .append("importedAt", Date.from(importedAt));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
