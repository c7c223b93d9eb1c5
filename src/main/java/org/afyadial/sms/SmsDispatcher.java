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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;

/**
 * Sends due outbox messages. Any number of instances may run it over one store: each message is
 * claimed with an atomic lease, so only one dispatcher sends it; a dispatcher that dies mid-send
 * loses its lease when it expires and another takes the message over. That last case is the one
 * at-least-once window: if the provider accepted the message but the dispatcher died before
 * recording it, the message is sent again, since Africa's Talking offers no idempotency header.
 */
@Singleton
public class SmsDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final Duration LONGEST_REQUEUE_WAIT = Duration.ofHours(1);

    private final OutboxStore store;
    private final ResilientSender sender;
    private final SmsAlerts alerts;
    private final SmsSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher<SmsRecipientRefused> refusals;
    private final String owner;

    @Inject
    SmsDispatcher(OutboxStore store, ResilientSender sender, SmsAlerts alerts, SmsSettings settings, Clock clock,
                  ApplicationEventPublisher<SmsRecipientRefused> refusals) {
        this(store, sender, alerts, settings, clock, refusals, hostName() + "/" + UUID.randomUUID());
    }

    /** {@code owner} names this dispatcher in leases; it must differ between dispatchers sharing a store. */
    SmsDispatcher(OutboxStore store, ResilientSender sender, SmsAlerts alerts, SmsSettings settings, Clock clock,
                  ApplicationEventPublisher<SmsRecipientRefused> refusals, String owner) {
        this.store = store;
        this.sender = sender;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
        this.refusals = refusals;
        this.owner = owner;
    }

    /** Claims up to one batch of due messages and sends them; answers how many the provider accepted. */
    public int dispatchDue() {
        if (alerts.sendingPaused()) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxStore.Candidate> candidates = store.claimable(now, settings.batchSize());
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (OutboxStore.Candidate candidate : candidates) {
                workers.execute(() -> {
                    try {
                        store.claim(candidate, owner, now, settings.lease())
                                .filter(this::deliver)
                                .ifPresent(sent -> accepted.incrementAndGet());
                    } catch (RuntimeException e) {
                        LOG.error("Dispatching outbox message {} failed; it will be retried when its lease expires", candidate.id(), e);
                    }
                });
            }
        }
        return accepted.get();
    }

    /** Sends one claimed message and records what happened; true when the provider accepted it. */
    private boolean deliver(OutboxMessage message) {
        Instant now = clock.instant();
        if (message.expiresAt() != null && now.isAfter(message.expiresAt())) {
            finish(message, now, set("status", OutboxStatus.EXPIRED.name()));
            return false;
        }
        try {
            return record(message, sender.send(message.phone(), message.text()));
        } catch (CallNotPermittedException | RequestNotPermitted | BulkheadFullException e) {
            putBackUncounted(message, clock.instant(), message.notBefore());
        } catch (TransientSendFailure e) {
            failedTransiently(message, clock.instant(), e.getMessage());
        }
        return false;
    }

    private boolean record(OutboxMessage message, SendResult result) {
        Instant now = clock.instant();
        switch (result.outcome()) {
            case ACCEPTED -> {
                return finish(message, now, combine(set("status", OutboxStatus.SENT.name()),
                        set("messageId", result.messageId()), set("sentAt", Date.from(now))));
            }
            case INSUFFICIENT_BALANCE -> {
                alerts.pauseSending("the provider reports insufficient balance (" + result.detail() + ")");
                LOG.error("SMS sending paused: insufficient balance at the provider");
                putBackUncounted(message, now, message.notBefore());
            }
            case INVALID_NUMBER, BLACKLISTED -> {
                finish(message, now, failed(result.outcome() + ": " + result.detail()));
                refusals.publishEvent(new SmsRecipientRefused(message.patientId(), message.phone(), result.outcome()));
            }
            case REJECTED -> finish(message, now, failed("REJECTED: " + result.detail()));
        }
        return false;
    }

    private void failedTransiently(OutboxMessage message, Instant now, String detail) {
        if (message.attempts() >= settings.maxAttempts()) {
            finish(message, now, failed("gave up after " + message.attempts() + " attempts: " + detail));
            return;
        }
        Duration wait = settings.requeueBackoff().multipliedBy(1L << Math.min(message.attempts() - 1, 20));
        Instant retryAt = now.plus(wait.compareTo(LONGEST_REQUEUE_WAIT) > 0 ? LONGEST_REQUEUE_WAIT : wait);
        finish(message, now, combine(set("status", OutboxStatus.QUEUED.name()), set("lastError", detail),
                set("notBefore", Date.from(retryAt))));
    }

    /** Back to the queue without spending an attempt: the provider was never asked (breaker open, paused...). */
    private void putBackUncounted(OutboxMessage message, Instant now, Instant notBefore) {
        finish(message, now, combine(set("status", OutboxStatus.QUEUED.name()), inc("attempts", -1),
                set("notBefore", Date.from(notBefore))));
    }

    private static Bson failed(String error) {
        return combine(set("status", OutboxStatus.FAILED.name()), set("lastError", error));
    }

    private boolean finish(OutboxMessage message, Instant now, Bson changes) {
        boolean held = store.finishLease(message, now, changes);
        if (!held) {
            LOG.warn("Lease on outbox message {} expired before it was recorded; another dispatcher owns it now", message.id());
        }
        return held;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
