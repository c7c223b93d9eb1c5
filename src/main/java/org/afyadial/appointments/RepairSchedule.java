package org.afyadial.appointments;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the repair of interrupted bookings at start, before the first patient is refused a time a crash left claimed,
 * and every {@code afyadial.appointments.repair-interval} (5 minutes), for the crashes of another instance on the same
 * store. Tests turn it off and run the repair themselves, on their own clock.
 */
@Singleton
@Requires(property = "afyadial.appointments.repair-enabled", notEquals = "false")
class RepairSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RepairSchedule.class);

    private final InterruptedBookings repair;

    RepairSchedule(InterruptedBookings repair) {
        this.repair = repair;
    }

    @EventListener
    void atStart(StartupEvent started) {
        run();
    }

    @Scheduled(fixedDelay = "${afyadial.appointments.repair-interval:5m}", initialDelay = "${afyadial.appointments.repair-interval:5m}")
    void run() {
        try {
            repair.repair();
        } catch (RuntimeException e) {
            LOG.error("Repair of interrupted bookings failed; retrying at the next round", e);
        }
    }
}
