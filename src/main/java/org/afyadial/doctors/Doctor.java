package org.afyadial.doctors;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A doctor and their weekly schedule; {@code specialty} is a specialty code. {@code username}
 * (unique when present) links the doctor to a staff account with role DOCTOR: that account
 * confirms and refuses this doctor's appointments.
 */
@Serdeable
@MappedEntity("doctors")
public record Doctor(
        @Id @GeneratedValue String id,
        String firstName,
        String lastName,
        String specialty,
        String phone,
        Fee fee,
        Availability availability,
        String username,
        WeeklySchedule schedule,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    public String displayName() {
        return "Dr " + firstName + " " + lastName;
    }

    Doctor withDetails(DoctorDetails details, String e164, Fee normalizedFee, Instant now) {
        return new Doctor(id, details.firstName(), details.lastName(), details.specialty(), e164, normalizedFee,
                availability, details.username(), schedule, createdAt, now, version);
    }

    Doctor withSchedule(WeeklySchedule newSchedule, Instant now) {
        return new Doctor(id, firstName, lastName, specialty, phone, fee, availability, username, newSchedule, createdAt, now, version);
    }

    Doctor withAvailability(Availability newAvailability, Instant now) {
        return new Doctor(id, firstName, lastName, specialty, phone, fee, newAvailability, username, schedule, createdAt, now, version);
    }
}
