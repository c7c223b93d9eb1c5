package org.afyadial.appointments;

import io.micronaut.core.annotation.Nullable;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;

/**
 * Published after every stored change of an appointment, in the thread that made it (listeners
 * should only record work, e.g. queue an SMS). {@code previousStatus} is null for a booking;
 * {@code channel} says who made the change (the patient on USSD/SMS, or staff). {@code patient} is the
 * appointment's patient when the change had just read it (a booking), so that listeners need not read it again.
 */
public record AppointmentChanged(Appointment appointment, @Nullable AppointmentStatus previousStatus,
                                 ChangeKind kind, Channel channel, @Nullable Patient patient) {
}
