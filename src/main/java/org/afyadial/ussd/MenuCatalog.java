package org.afyadial.ussd;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The menus this instance serves, read and checked once at startup: an invalid menu stops the startup with
 * every problem named by file and state. Read from {@code USSD_MENUS_DIR} when set, else from the jar.
 */
@Context
class MenuCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(MenuCatalog.class);

    private final Menus menus;

    MenuCatalog(UssdSettings settings, ActionRegistry actions) {
        List<MenuSource> sources = settings.menusDir() == null || settings.menusDir().isBlank()
                ? MenuSource.fromClasspath(MenuCatalog.class.getClassLoader())
                : MenuSource.fromDirectory(Path.of(settings.menusDir()));
        MenuLoader.Result loaded = MenuLoader.load(sources);
        List<MenuProblem> problems = loaded.problems().isEmpty()
                ? MenuLinter.lint(loaded.menus(), actions.names(), settings.maxChars())
                : loaded.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid USSD menus:\n" + problems.stream().map(MenuProblem::toString)
                    .collect(Collectors.joining("\n")));
        }
        this.menus = loaded.menus();
        LOG.info("USSD menus loaded: {} states in {} files, languages {}", menus.states().size(), sources.size(), menus.languages());
    }

    Menus menus() {
        return menus;
    }
}
