package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * What a doctor saw and concluded at one visit. {@code appointmentId} is unique when present: one consultation
 * completes one appointment. {@code conditionAdded} is the chronic condition code the diagnosis put on the profile.
 */
@Serdeable
@MappedEntity("consultations")
record Consultation(
        @Id @GeneratedValue String id,
        String patientId,
        @Nullable String appointmentId,
        String doctor,
        String complaint,
        @Nullable String findings,
        @Nullable Vitals vitals,
        @Nullable String diagnosis,
        @Nullable String icd10,
        @Nullable String notes,
        @Nullable String conditionAdded,
        Instant createdAt) {
}
