package org.afyadial.doctors;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.LocalTime;

/** A leave day (or part of one) or extra hours, on one clinic-local date; null times mean the whole day. */
@Serdeable
@MappedEntity("schedule_exceptions")
public record ScheduleException(
        @Id @GeneratedValue String id,
        String doctorId,
        LocalDate date,
        ExceptionKind kind,
        LocalTime from,
        LocalTime to,
        String note) {

    boolean wholeDay() {
        return from == null;
    }
}
