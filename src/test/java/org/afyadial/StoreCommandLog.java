package org.afyadial;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The store commands issued while serving HTTP requests to one path, as "command collection"
 * ({@code find ussd_sessions}). The sync driver tells listeners in the thread that issues the command,
 * which is the request's thread, so background work (the SMS dispatcher's polls) is left out; the USSD
 * session writer's thread, which writes sessions for the requests, is counted with them.
 * Enabled by the property {@code test.store-command-log.path}; registered with the Mongo client
 * through the configuration's command listeners.
 */
@Singleton
@Requires(property = StoreCommandLog.PATH)
public class StoreCommandLog implements CommandListener {

    public static final String PATH = "test.store-command-log.path";
    /** The name of {@code org.afyadial.ussd.SessionWriter}'s thread. */
    private static final String SESSION_WRITER = "ussd-session-writer";

    private final String path;
    private final List<String> commands = new ArrayList<>();

    StoreCommandLog(@Value("${" + PATH + "}") String path) {
        this.path = path;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        boolean counted = ServerRequestContext.currentRequest().filter(r -> r.getPath().equals(path)).isPresent()
                || Thread.currentThread().getName().equals(SESSION_WRITER);
        if (counted) {
            String name = event.getCommandName();
            var target = event.getCommand().get(name);
            String collection = target != null && target.isString() ? target.asString().getValue() : "";
            synchronized (commands) {
                commands.add(name + " " + collection);
            }
        }
    }

    /** The commands logged since the last call, and forgets them. */
    public List<String> drain() {
        synchronized (commands) {
            List<String> drained = List.copyOf(commands);
            commands.clear();
            return drained;
        }
    }

    /** "find ussd_sessions x2, insert slot_claims" */
    public static String summary(List<String> commands) {
        Map<String, Long> counted = commands.stream().collect(Collectors.groupingBy(c -> c, TreeMap::new, Collectors.counting()));
        return counted.entrySet().stream().map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                .collect(Collectors.joining(", "));
    }
}
