package org.afyadial.appointments;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every {@link AppointmentChanged} of the context, as the SMS feature would receive them. */
@Singleton
class RecordedEvents implements ApplicationEventListener<AppointmentChanged> {

    final List<AppointmentChanged> events = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(AppointmentChanged event) {
        events.add(event);
    }

    List<AppointmentChanged> of(String appointmentId) {
        return events.stream().filter(e -> e.appointment().id().equals(appointmentId)).toList();
    }
}
