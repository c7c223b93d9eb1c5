package org.afyadial.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.appointments.AppointmentChanged;
import org.afyadial.appointments.ChangeKind;
import org.afyadial.patients.Channel;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Appointments booked, by the channel they came through. */
@Singleton
class BookingMetrics {

    private final Map<Channel, Counter> booked = new EnumMap<>(Channel.class);

    BookingMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            booked.put(channel, Counter.builder("afyadial.bookings").description("Appointments booked, by channel")
                    .tag("channel", channel.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    @EventListener
    void on(AppointmentChanged change) {
        if (change.kind() == ChangeKind.BOOKED) {
            booked.get(change.channel()).increment();
        }
    }
}
