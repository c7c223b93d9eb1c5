package org.afyadial.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import org.afyadial.ussd.UssdReply;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * USSD hops and sessions. A hop's timer is found by its menu state (a bounded set: the states of the menus) and
 * its outcome, without building a tag string per hop; its buckets are a few fixed ones, not a fine histogram.
 */
@Singleton
public class UssdMetrics {

    /** What a hop answered: a screen waiting for input, the last screen of a menu, or an error/expiry END. */
    enum Outcome { CONTINUE, END, ERROR }

    /** The state of a hop answered without a menu state (bad request, apology, expired session). */
    static final String NO_STATE = "none";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Map<String, Timer[]> hopTimers = new ConcurrentHashMap<>();
    private final Counter started;
    private final Counter ended;
    private final Counter timedOut;

    UssdMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.started = Counter.builder("afyadial.ussd.sessions.started").description("USSD sessions dialled").register(registry);
        this.ended = Counter.builder("afyadial.ussd.sessions.ended").description("USSD sessions ended by an END screen")
                .register(registry);
        this.timedOut = Counter.builder("afyadial.ussd.sessions.timed.out")
                .description("USSD sessions the network closed before an END screen (the patient timed out or hung up)")
                .register(registry);
    }

    /** A point in time to pass to {@link #hop}. */
    public long startHop() {
        return registry.config().clock().monotonicTime();
    }

    /** One hop answered; {@code dial} when it was the first hop of its session. */
    public void hop(long startedAt, boolean dial, UssdReply reply) {
        String state = reply.state() == null ? NO_STATE : reply.state();
        Outcome outcome = reply.state() == null ? Outcome.ERROR : reply.end() ? Outcome.END : Outcome.CONTINUE;
        hopTimers.computeIfAbsent(state, this::timersOf)[outcome.ordinal()]
                .record(registry.config().clock().monotonicTime() - startedAt, TimeUnit.NANOSECONDS);
        if (dial) {
            started.increment();
        }
        if (reply.end()) {
            ended.increment();
        }
    }

    public void sessionTimedOut() {
        timedOut.increment();
    }

    private Timer[] timersOf(String state) {
        Outcome[] outcomes = Outcome.values();
        Timer[] timers = new Timer[outcomes.length];
        for (Outcome outcome : outcomes) {
            timers[outcome.ordinal()] = Timer.builder("afyadial.ussd.hop").description("USSD hops answered, by menu state and outcome")
                    .tag("state", state).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(BUCKETS).register(registry);
        }
        return timers;
    }
}
