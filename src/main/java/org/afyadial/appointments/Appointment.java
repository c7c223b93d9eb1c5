package org.afyadial.appointments;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;
import org.afyadial.patients.Channel;

import java.time.Instant;

/**
 * An appointment of a patient with a doctor, from {@code start} to {@code end} (UTC). The
 * {@code reference} ({@code AFD-7K3Q9}) is what patients read and type. A reschedule leaves this
 * one RESCHEDULED with {@code rescheduledToId} set and creates a new one whose
 * {@code previousAppointmentId} points back.
 */
@Serdeable
@MappedEntity("appointments")
public record Appointment(
        @Id @GeneratedValue String id,
        String reference,
        String patientId,
        String doctorId,
        String specialty,
        Instant start,
        Instant end,
        AppointmentStatus status,
        String reason,
        boolean urgent,
        Channel channel,
        String previousAppointmentId,
        String rescheduledToId,
        String cancelReason,
        Instant createdAt,
        Instant updatedAt,
        @Version Long version) {

    Appointment withStatus(AppointmentStatus next, Instant now) {
        return new Appointment(id, reference, patientId, doctorId, specialty, start, end, next, reason, urgent, channel,
                previousAppointmentId, rescheduledToId, cancelReason, createdAt, now, version);
    }

    Appointment cancelled(String why, Instant now) {
        return new Appointment(id, reference, patientId, doctorId, specialty, start, end, AppointmentStatus.CANCELLED,
                reason, urgent, channel, previousAppointmentId, rescheduledToId, why, createdAt, now, version);
    }

    Appointment refused(String why, Instant now) {
        return new Appointment(id, reference, patientId, doctorId, specialty, start, end, AppointmentStatus.REFUSED,
                reason, urgent, channel, previousAppointmentId, rescheduledToId, why, createdAt, now, version);
    }

    Appointment rescheduledTo(String replacementId, Instant now) {
        return new Appointment(id, reference, patientId, doctorId, specialty, start, end, AppointmentStatus.RESCHEDULED,
                reason, urgent, channel, previousAppointmentId, replacementId, cancelReason, createdAt, now, version);
    }

    Appointment withDoctor(String newDoctorId, Instant now) {
        return new Appointment(id, reference, patientId, newDoctorId, specialty, start, end, status, reason, urgent, channel,
                previousAppointmentId, rescheduledToId, cancelReason, createdAt, now, version);
    }
}
