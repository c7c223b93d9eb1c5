package org.afyadial.ussd;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Actions table of ussd-menus/README.md names exactly the actions the engine has registered. */
@MicronautTest(transactional = false, startApplication = false)
class MenuActionsDocumentedTest {

    private static final Pattern NAME = Pattern.compile("`(\\w+)`");

    @Inject
    ActionRegistry registry;

    @Test
    void everyRegisteredActionIsDocumentedAndNoOther() throws IOException {
        assertEquals(new TreeSet<>(registry.names()), documentedActions());
    }

    private static Set<String> documentedActions() throws IOException {
        String readme = Files.readString(Path.of("ussd-menus/README.md"));
        String section = readme.substring(readme.indexOf("## Actions"), readme.indexOf("## Lint"));
        Set<String> names = new TreeSet<>();
        section.lines().filter(line -> line.startsWith("| `")).forEach(line -> {
            Matcher firstCell = NAME.matcher(line.substring(1, line.indexOf('|', 1)));
            while (firstCell.find()) {
                names.add(firstCell.group(1));
            }
        });
        return names;
    }
}
