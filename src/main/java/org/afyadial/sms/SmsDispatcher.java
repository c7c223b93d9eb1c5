package org.afyadial.sms;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

/**
 * Sends due outbox messages. Any number of instances may run it over one store: each message is
 * claimed with an atomic lease, so only one dispatcher sends it. Just before the provider is called, the message is
 * marked as handed over, durably. A dispatcher that dies loses its leases when they expire: a message it had not
 * handed over yet is taken over and sent by another; one whose call was under way is not sent again but marked
 * FAILED as interrupted, since Africa's Talking takes no idempotency key and may have accepted it: a patient misses
 * at most that one message rather than getting it twice, and staff see why in the outbox. A call that AT does not
 * answer in time is the same case and ends the same way, FAILED and not sent again: a second "your appointment is
 * cancelled", or a second reminder for a visit already moved, confuses a patient more than a missing one, which the
 * outbox shows staff, while a message AT never got (no connection, an error answer) is tried again.
 */
@Singleton
public class SmsDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final Duration LONGEST_REQUEUE_WAIT = Duration.ofHours(1);
    static final String OUTCOME_UNKNOWN = "; not sent again, as the provider may have accepted it";

    private final OutboxStore store;
    private final ResilientSender sender;
    private final SmsAlerts alerts;
    private final SmsSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher<SmsRecipientRefused> refusals;
    private final SmsMeters meters;
    private final String owner;

    @Inject
    SmsDispatcher(OutboxStore store, ResilientSender sender, SmsAlerts alerts, SmsSettings settings, Clock clock,
                  ApplicationEventPublisher<SmsRecipientRefused> refusals, SmsMeters meters) {
        this(store, sender, alerts, settings, clock, refusals, meters, hostName() + "/" + UUID.randomUUID());
    }

    /** {@code owner} names this dispatcher in leases; it must differ between dispatchers sharing a store. */
    SmsDispatcher(OutboxStore store, ResilientSender sender, SmsAlerts alerts, SmsSettings settings, Clock clock,
                  ApplicationEventPublisher<SmsRecipientRefused> refusals, SmsMeters meters, String owner) {
        this.store = store;
        this.sender = sender;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
        this.refusals = refusals;
        this.meters = meters;
        this.owner = owner;
    }

    /**
     * Claims up to one batch of due messages and sends them; answers how many the provider accepted.
     * What happened to each message is recorded in one bulk write at the end of the batch rather than
     * one write per message. Every write is still conditional on the lease, and waiting for the batch
     * asks no more of the lease than before: all claims are taken as the batch starts, so the lease
     * already had to outlast the whole batch for its slowest message.
     */
    public int dispatchDue() {
        if (alerts.sendingPaused()) {
            return 0;
        }
        Instant now = clock.instant();
        long interrupted = store.closeInterrupted(now);
        if (interrupted > 0) {
            LOG.warn("{} outbox messages were being sent when their dispatcher stopped; marked FAILED, not sent again", interrupted);
        }
        List<OutboxStore.Candidate> candidates = store.claimable(now, settings.batchSize());
        Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OutboxStore.Candidate candidate : candidates) {
                workers.execute(() -> {
                    try {
                        store.claim(candidate, owner, now, settings.lease()).map(this::deliver).ifPresent(outcomes::add);
                    } catch (RuntimeException e) {
                        LOG.error("Dispatching outbox message {} failed; it will be retried when its lease expires", candidate.id(), e);
                    }
                });
            }
        }
        return record(List.copyOf(outcomes));
    }

    /** A claimed message, what to write on it when its lease ends, and whether the provider accepted it. */
    private record Outcome(OutboxStore.LeaseEnd end, boolean accepted) {

        static Outcome of(OutboxMessage message, Bson changes) {
            return new Outcome(new OutboxStore.LeaseEnd(message, changes), false);
        }
    }

    /** Writes the outcomes; answers how many accepted messages were recorded under a lease still held. */
    private int record(List<Outcome> outcomes) {
        Set<String> lost = store.finishLeases(outcomes.stream().map(Outcome::end).toList(), clock.instant());
        lost.forEach(id -> LOG.warn("Lease on outbox message {} expired before it was recorded; another dispatcher owns it now", id));
        return (int) outcomes.stream().filter(o -> o.accepted() && !lost.contains(o.end().claimed().id())).count();
    }

    /** Sends one claimed message; answers what to record on it. */
    private Outcome deliver(OutboxMessage message) {
        Instant now = clock.instant();
        if (message.expiresAt() != null && now.isAfter(message.expiresAt())) {
            return Outcome.of(message, OutboxStore.status(OutboxStatus.EXPIRED, now));
        }
        try {
            return outcome(message, sender.send(message.phone(), message.text(), () -> store.markSubmitted(message, clock.instant())));
        } catch (CallNotPermittedException | RequestNotPermitted | BulkheadFullException e) {
            return putBackUncounted(message, message.notBefore());
        } catch (TransientSendFailure e) {
            return failedTransiently(message, clock.instant(), e.getMessage());
        } catch (SendOutcomeUnknown e) {
            return failed(message, SmsMeters.FailureReason.OUTCOME_UNKNOWN, e.getMessage() + OUTCOME_UNKNOWN);
        }
    }

    private Outcome outcome(OutboxMessage message, SendResult result) {
        return switch (result.outcome()) {
            case ACCEPTED -> accepted(message, result);
            case INSUFFICIENT_BALANCE -> {
                alerts.pauseSending("the provider reports insufficient balance (" + result.detail() + ")");
                LOG.error("SMS sending paused: insufficient balance at the provider");
                yield putBackUncounted(message, message.notBefore());
            }
            case INVALID_NUMBER, BLACKLISTED -> {
                refusals.publishEvent(new SmsRecipientRefused(message.patientId(), message.phone(), result.outcome()));
                yield failed(message, SmsMeters.FailureReason.valueOf(result.outcome().name()), result.outcome() + ": " + result.detail());
            }
            case REJECTED -> failed(message, SmsMeters.FailureReason.REJECTED, "REJECTED: " + result.detail());
        };
    }

    private Outcome accepted(OutboxMessage message, SendResult result) {
        meters.sent();
        Instant now = clock.instant();
        return new Outcome(new OutboxStore.LeaseEnd(message, combine(OutboxStore.status(OutboxStatus.SENT, now),
                set("messageId", result.messageId()), set("sentAt", Date.from(now)))), true);
    }

    private Outcome failed(OutboxMessage message, SmsMeters.FailureReason reason, String error) {
        meters.failed(reason);
        return Outcome.of(message, failed(error));
    }

    private Outcome failedTransiently(OutboxMessage message, Instant now, String detail) {
        if (message.attempts() >= settings.maxAttempts()) {
            return failed(message, SmsMeters.FailureReason.GAVE_UP, "gave up after " + message.attempts() + " attempts: " + detail);
        }
        Duration wait = settings.requeueBackoff().multipliedBy(1L << Math.min(message.attempts() - 1, 20));
        Instant retryAt = now.plus(wait.compareTo(LONGEST_REQUEUE_WAIT) > 0 ? LONGEST_REQUEUE_WAIT : wait);
        return Outcome.of(message, combine(OutboxStore.status(OutboxStatus.QUEUED, now), set("lastError", detail),
                set("notBefore", Date.from(retryAt))));
    }

    /** Back to the queue without spending an attempt: the provider was never asked (breaker open, paused...). */
    private Outcome putBackUncounted(OutboxMessage message, Instant notBefore) {
        return Outcome.of(message, combine(OutboxStore.status(OutboxStatus.QUEUED, clock.instant()), inc("attempts", -1),
                set("notBefore", Date.from(notBefore))));
    }

    private Bson failed(String error) {
        return combine(OutboxStore.status(OutboxStatus.FAILED, clock.instant()), set("lastError", error));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
