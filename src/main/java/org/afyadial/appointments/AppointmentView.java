package org.afyadial.appointments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.afyadial.patients.Channel;

import java.time.Instant;

/** An appointment as the REST API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record AppointmentView(String id, String reference, AppointmentStatus status, String patientId, String doctorId,
                       String specialty, Instant start, Instant end, String reason, boolean urgent, Channel channel,
                       String previousAppointmentId, String rescheduledToId, String cancelReason,
                       Instant createdAt, Instant updatedAt) {

    static AppointmentView of(Appointment a) {
        return new AppointmentView(a.id(), a.reference(), a.status(), a.patientId(), a.doctorId(), a.specialty(),
                a.start(), a.end(), a.reason(), a.urgent(), a.channel(), a.previousAppointmentId(), a.rescheduledToId(),
                a.cancelReason(), a.createdAt(), a.updatedAt());
    }
}
