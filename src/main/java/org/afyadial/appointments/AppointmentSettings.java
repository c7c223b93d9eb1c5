package org.afyadial.appointments;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param autoConfirm              {@code APPOINTMENTS_AUTO_CONFIRM}: bookings start CONFIRMED (true) or
 *                                 REQUESTED, waiting for the doctor (false)
 * @param cancellationWindowHours  {@code CANCELLATION_WINDOW_HOURS}: patients cannot cancel or reschedule
 *                                 themselves this close to the start; staff can
 */
@ConfigurationProperties("afyadial.appointments")
public record AppointmentSettings(
        @Bindable(defaultValue = "true") boolean autoConfirm,
        @Bindable(defaultValue = "24") int cancellationWindowHours) {

    Duration cancellationWindow() {
        return Duration.ofHours(cancellationWindowHours);
    }

    AppointmentStatus initialStatus() {
        return autoConfirm ? AppointmentStatus.CONFIRMED : AppointmentStatus.REQUESTED;
    }
}
