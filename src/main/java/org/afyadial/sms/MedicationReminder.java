package org.afyadial.sms;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A medication schedule: an SMS at each of {@code timesOfDay} (clinic time) for {@code days} days
 * from {@code startDate}. Every change (pause, resume, new times) bumps {@code scheduleVersion},
 * which is part of the messages' idempotency keys, so a new schedule never collides with the old one.
 */
@Serdeable
public record MedicationReminder(
        String id,
        String patientId,
        String drug,
        String dose,
        List<LocalTime> timesOfDay,
        int days,
        LocalDate startDate,
        Status status,
        int scheduleVersion,
        String createdBy,
        Instant createdAt) {

    public enum Status { ACTIVE, PAUSED }
}
