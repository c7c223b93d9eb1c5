package org.afyadial.ussd;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linter names file, state and problem; the shipped menus are clean; broken menus stop the startup. */
class MenuLintTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken-menus");

    private static List<MenuProblem> lintBroken() {
        MenuLoader.Result loaded = MenuLoader.load(MenuSource.fromDirectory(BROKEN));
        assertEquals(List.of(), loaded.problems());
        return MenuLinter.lint(loaded.menus(), Set.of(), 160);
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            flow.yaml   | flow.home   | unknown target state 'flow.nowhere'
            flow.yaml   | flow.orphan | unreachable from the start state
            flow.yaml   | flow.listed | unknown action 'noSuchAction'
            flow.yaml   | flow.long   | screen in 'en' is
            flow.yaml   | flow.home option | missing translation 'sw'
            (messages)  | messages.resumeStartOver | missing translation 'sw'
            """)
    void brokenMenusAreReportedByFileStateAndProblem(String file, String state, String problem) {
        List<MenuProblem> problems = lintBroken();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals(file) && state.equals(p.state())
                && p.problem().startsWith(problem)), () -> "missing '" + problem + "' in " + problems);
    }

    @Test
    void theBrokenMenusHaveNoOtherProblems() {
        assertEquals(6, lintBroken().size(), () -> lintBroken().toString());
    }

    @Test
    void theShippedMenusAreCleanInEveryLanguage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LintMenusCommand.run(new String[] {"ussd-menus"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        assertTrue(printed.startsWith("OK: "), printed);
    }

    @Test
    void theLintCommandPrintsEveryProblemAndFails() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LintMenusCommand.run(new String[] {BROKEN.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status);
        assertTrue(printed.contains("ERROR flow.yaml [flow.home]: unknown target state 'flow.nowhere'"), printed);
        assertTrue(printed.contains("6 problem(s) in "), printed);
    }

    @Test
    void invalidMenusStopTheStartupNamingFileStateAndProblem() {
        BeanInstantiationException failure = assertThrows(BeanInstantiationException.class, () -> {
            try (ApplicationContext ignored = ApplicationContext.run(Map.of("afyadial.store.in-memory", true,
                    "afyadial.ussd.menus-dir", BROKEN.toString()))) {
                // the context must not start
            }
        });
        assertTrue(failure.getMessage().contains("flow.yaml [flow.orphan]: unreachable from the start state"),
                failure.getMessage());
    }
}
