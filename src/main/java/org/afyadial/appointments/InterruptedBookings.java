package org.afyadial.appointments;

import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Finds and completes or undoes what a crash left half done between the writes of a booking or a change.
 * A reschedule saves the replacement, then marks the old appointment RESCHEDULED, then releases the old time: one cut
 * short after the replacement was saved is completed (the patient asked for the new time, and it is secured), so the
 * patient ends with one appointment at one slot. Then the claims no appointment holds are released
 * ({@link AbandonedClaims}), which covers a booking cut short before its save and a change before its release.
 * Several instances may run it over one store: a completion is a compare-and-set on the old appointment's version,
 * a release a delete conditional on the claim's holder.
 */
@Singleton
class InterruptedBookings {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedBookings.class);

    private final AppointmentRepository repository;
    private final AppointmentService appointments;
    private final AbandonedClaims abandoned;
    private final Clock clock;

    InterruptedBookings(AppointmentRepository repository, AppointmentService appointments, AbandonedClaims abandoned, Clock clock) {
        this.repository = repository;
        this.appointments = appointments;
        this.abandoned = abandoned;
        this.clock = clock;
    }

    void repair() {
        int completed = completeReschedules();
        int released = abandoned.releaseAll();
        if (completed + released > 0) {
            LOG.warn("Repaired interrupted bookings: {} reschedules completed, {} abandoned claims released", completed, released);
        }
    }

    /** Open replacements of the time ahead, saved before any reschedule in progress, whose old appointment is still open. */
    private int completeReschedules() {
        Instant now = clock.instant();
        List<Appointment> replacements = repository.findAll(Filters.and(Filters.ne("previousAppointmentId", null),
                Filters.in("status", AppointmentStatus.OPEN.stream().map(Enum::name).toList()),
                Filters.gte("start", Date.from(now)), Filters.lt("createdAt", Date.from(now.minus(AbandonedClaims.IN_PROGRESS)))));
        int completed = 0;
        for (Appointment replacement : replacements) {
            if (appointments.find(replacement.previousAppointmentId()).filter(old -> AppointmentStatus.OPEN.contains(old.status())).isPresent()) {
                try {
                    appointments.completeReschedule(replacement);
                    completed++;
                } catch (IllegalTransition e) {
                    LOG.debug("The reschedule to {} was completed meanwhile", replacement.id());
                }
            }
        }
        return completed;
    }
}
