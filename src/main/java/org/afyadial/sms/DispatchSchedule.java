package org.afyadial.sms;

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
 * Polls the outbox every {@code SMS_DISPATCH_INTERVAL}, draining batches while there is work. It starts the rounds
 * itself and, on shutdown, stops them and waits for the batch in flight before the store closes: a round still
 * running then would fail, or bring the store back up half-closed.
 */
@Singleton
@Requires(property = "afyadial.sms.schedule-enabled", notEquals = "false")
class DispatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(DispatchSchedule.class);

    private final SmsDispatcher dispatcher;
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final ReentrantLock round = new ReentrantLock();
    private volatile boolean stopping;
    private ScheduledFuture<?> rounds;

    DispatchSchedule(SmsDispatcher dispatcher, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                     SmsSettings settings) {
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.interval = settings.dispatchInterval();
    }

    @EventListener
    void start(StartupEvent started) {
        rounds = scheduler.scheduleWithFixedDelay(interval, interval, this::poll);
    }

    void poll() {
        round.lock();
        try {
            while (!stopping && dispatcher.dispatchDue() > 0) {
                LOG.debug("Dispatched a batch of SMS; looking for more");
            }
        } catch (RuntimeException e) {
            LOG.error("SMS dispatch round failed; retrying at the next tick", e);
        } finally {
            round.unlock();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        if (rounds != null) {
            rounds.cancel(false);
        }
        round.lock();
        round.unlock();
    }
}
