package org.afyadial.ussd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.micronaut.context.ApplicationContext;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar afyadial.jar lint-menus [dir]}: checks the menus of {@code dir} (default {@code ./ussd-menus},
 * else the ones in the jar) against the actions this build provides, prints every problem and exits 1 if any.
 */
public final class LintMenusCommand {

    private LintMenusCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Path dir = Path.of(args.length > 0 ? args[0] : "ussd-menus");
        boolean fromDir = Files.isDirectory(dir);
        List<MenuSource> sources = fromDir ? MenuSource.fromDirectory(dir)
                : MenuSource.fromClasspath(LintMenusCommand.class.getClassLoader());
        String where = fromDir ? dir.toAbsolutePath().normalize().toString() : "the jar's ussd-menus/";
        MenuLoader.Result loaded = MenuLoader.load(sources);
        List<MenuProblem> problems = loaded.problems();
        if (problems.isEmpty()) {
            ApplicationFacts facts = applicationFacts();
            problems = MenuLinter.lint(loaded.menus(), facts.actions(), facts.maxChars());
        }
        problems.forEach(p -> out.println("ERROR " + p));
        out.println(problems.isEmpty()
                ? "OK: " + sources.size() + " files, " + loaded.menus().states().size() + " states in " + where
                : problems.size() + " problem(s) in " + where);
        return problems.isEmpty() ? 0 : 1;
    }

    private record ApplicationFacts(Set<String> actions, int maxChars) {
    }

    /** The action names and screen limit of this build, from an application context on a throw-away store. */
    private static ApplicationFacts applicationFacts() {
        // the printed problems are the output: the context's own startup logs would bury them; the levels are
        // given back after, as the command may run inside a service or a test run whose logs must go on
        Map<Logger, Level> levels = new HashMap<>();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLoggerList().forEach(logger -> {
            levels.put(logger, logger.getLevel());
            logger.setLevel(Level.ERROR);
        });
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("afyadial.store.in-memory", true, "afyadial.ussd.menus-dir", ""))
                .start()) {
            return new ApplicationFacts(Set.copyOf(context.getBean(ActionRegistry.class).names()),
                    context.getBean(UssdSettings.class).maxChars());
        } finally {
            levels.forEach(Logger::setLevel);
        }
    }
}
