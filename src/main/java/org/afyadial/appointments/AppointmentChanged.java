package org.afyadial.appointments;

import io.micronaut.core.annotation.Nullable;
import org.afyadial.patients.Channel;

/**
 * Published after every stored change of an appointment, in the thread that made it (listeners
 * should only record work, e.g. queue an SMS). {@code previousStatus} is null for a booking;
 * {@code channel} says who made the change (the patient on USSD/SMS, or staff).
 */
public record AppointmentChanged(Appointment appointment, @Nullable AppointmentStatus previousStatus,
                                 ChangeKind kind, Channel channel) {
}
