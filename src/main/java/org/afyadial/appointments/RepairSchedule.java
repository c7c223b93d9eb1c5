package org.afyadial.appointments;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the repair of interrupted bookings at start, before the first patient is refused a time a crash left claimed,
 * and every {@code afyadial.appointments.repair-interval}, for the crashes of another instance on the same store. On
 * shutdown it waits for a round in flight, which would otherwise fail on the closing store. Tests turn it off and
 * run the repair themselves, on their own clock.
 */
@Singleton
@Requires(property = "afyadial.appointments.repair-enabled", notEquals = "false")
class RepairSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RepairSchedule.class);

    private final InterruptedBookings repair;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final ReentrantLock round = new ReentrantLock();
    private ScheduledFuture<?> rounds;

    RepairSchedule(InterruptedBookings repair, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, AppointmentSettings settings) {
        this.repair = repair;
        this.scheduler = scheduler;
        this.interval = settings.repairInterval();
    }

    @EventListener
    void start(StartupEvent started) {
        run();
        rounds = scheduler.scheduleWithFixedDelay(interval, interval, this::run);
    }

    private void run() {
        round.lock();
        try {
            repair.repair();
        } catch (RuntimeException e) {
            LOG.error("Repair of interrupted bookings failed; retrying at the next round", e);
        } finally {
            round.unlock();
        }
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.cancel(false);
        }
        round.lock();
        round.unlock();
    }
}
