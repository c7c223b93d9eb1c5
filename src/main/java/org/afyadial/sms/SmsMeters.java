package org.afyadial.sms;

import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The SMS feature's meters: messages queued, sent and failed, texts received by command, the outbox's backlog
 * and the provider's circuit breaker. The backlog is two store queries, read at most once per {@link #BACKLOG_TTL}
 * however often it is scraped.
 */
@Singleton
class SmsMeters {

    static final Duration BACKLOG_TTL = Duration.ofSeconds(5);
    /** Why a message ended FAILED (the refusals of {@link SendResult.Outcome}, or no more attempts). */
    enum FailureReason { INVALID_NUMBER, BLACKLISTED, REJECTED, GAVE_UP, OUTCOME_UNKNOWN }

    private final Counter queued;
    private final Counter sent;
    private final Map<FailureReason, Counter> failed = new EnumMap<>(FailureReason.class);
    private final Map<SmsCommand, Counter> inbound = new EnumMap<>(SmsCommand.class);
    private final Counter inboundOther;
    private final OutboxStore store;
    private final Clock clock;
    private volatile Backlog backlog = new Backlog(Instant.MIN, new OutboxStore.Backlog(0, null));

    private record Backlog(Instant readAt, OutboxStore.Backlog value) {
    }

    SmsMeters(MeterRegistry registry, OutboxStore store, ResilientSender sender, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.queued = Counter.builder("afyadial.sms.queued").description("SMS queued in the outbox").register(registry);
        this.sent = Counter.builder("afyadial.sms.sent").description("SMS the provider accepted").register(registry);
        for (FailureReason reason : FailureReason.values()) {
            failed.put(reason, Counter.builder("afyadial.sms.failed").description("SMS given up on, by reason")
                    .tag("reason", lower(reason)).register(registry));
        }
        for (SmsCommand command : SmsCommand.values()) {
            inbound.put(command, inboundCounter(registry, lower(command)));
        }
        this.inboundOther = inboundCounter(registry, "none");
        Gauge.builder("afyadial.sms.outbox.due", this, m -> m.backlog().due())
                .description("Queued SMS due now").baseUnit("messages").register(registry);
        Gauge.builder("afyadial.sms.outbox.oldest.due.age", this, SmsMeters::oldestDueAgeSeconds)
                .description("How long the longest-waiting due SMS has been due").baseUnit("seconds").register(registry);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(sender.breakers()).bindTo(registry);
    }

    private static Counter inboundCounter(MeterRegistry registry, String command) {
        return Counter.builder("afyadial.sms.inbound").description("SMS received, by command").tag("command", command)
                .register(registry);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    void queued(int count) {
        queued.increment(count);
    }

    void sent() {
        sent.increment();
    }

    void failed(FailureReason reason) {
        failed.get(reason).increment();
    }

    void received(SmsCommand command) {
        (command == null ? inboundOther : inbound.get(command)).increment();
    }

    private double oldestDueAgeSeconds() {
        Instant oldest = backlog().oldestDue();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private OutboxStore.Backlog backlog() {
        Instant now = clock.instant();
        Backlog last = backlog;
        if (last.readAt().plus(BACKLOG_TTL).isAfter(now)) {
            return last.value();
        }
        OutboxStore.Backlog read = store.backlog(now);
        backlog = new Backlog(now, read);
        return read;
    }
}
