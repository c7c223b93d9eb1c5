package org.afyadial.metrics;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency of every store command, by command name (find, insert, findAndModify...: a bounded set) and outcome.
 * The driver calls listeners beans of the Mongo configuration in the thread that issued the command and measures
 * the time itself, so this costs a map lookup per command.
 */
@Singleton
class StoreCommandMetrics implements CommandListener {

    private final MeterRegistry registry;
    private final Map<String, Timer> succeeded = new ConcurrentHashMap<>();
    private final Map<String, Timer> failed = new ConcurrentHashMap<>();

    StoreCommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        succeeded.computeIfAbsent(event.getCommandName(), name -> timer(name, "success"))
                .record(event.getElapsedTime(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS);
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        failed.computeIfAbsent(event.getCommandName(), name -> timer(name, "failure"))
                .record(event.getElapsedTime(TimeUnit.NANOSECONDS), TimeUnit.NANOSECONDS);
    }

    private Timer timer(String command, String outcome) {
        return Timer.builder("afyadial.store.command").description("Store (MongoDB) commands, by command and outcome")
                .tag("command", command).tag("outcome", outcome).register(registry);
    }
}
