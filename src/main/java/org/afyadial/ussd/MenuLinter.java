package org.afyadial.ussd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks loaded menus: unknown targets and actions, unreachable states, missing translations, states of no
 * known kind, and static screens (prompt with its fixed choices and footer) over the screen limit in any
 * language. Placeholders such as {@code {name}} count as {@value #PLACEHOLDER_WIDTH} characters; the engine
 * still shortens a screen whose values turn out longer.
 */
final class MenuLinter {

    static final int PLACEHOLDER_WIDTH = 12;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z][A-Za-z0-9]*}");

    private final Menus menus;
    private final Set<String> actions;
    private final ScreenRenderer renderer;
    private final int maxChars;
    private final List<MenuProblem> problems = new ArrayList<>();

    private MenuLinter(Menus menus, Set<String> actions, int maxChars) {
        this.menus = menus;
        this.actions = actions;
        this.maxChars = maxChars;
        this.renderer = new ScreenRenderer(Integer.MAX_VALUE);
    }

    static List<MenuProblem> lint(Menus menus, Set<String> actions, int maxChars) {
        MenuLinter linter = new MenuLinter(menus, actions, maxChars);
        linter.checkMessages();
        menus.states().values().forEach(linter::checkState);
        linter.checkReachability();
        return List.copyOf(linter.problems);
    }

    private void checkMessages() {
        for (String key : Menus.MESSAGE_KEYS) {
            Localized message = menus.messages().get(key);
            if (message == null) {
                problems.add(new MenuProblem("(messages)", null, "missing engine message '" + key + "'"));
            } else {
                checkTranslations("(messages)", "messages." + key, message);
            }
        }
    }

    private void checkState(MenuState state) {
        int kinds = (state.options().isEmpty() && !state.isList() ? 0 : 1) + (state.input() == null ? 0 : 1)
                + (state.isDecision() ? 1 : 0) + (state.end() ? 1 : 0);
        if (kinds != 1) {
            problem(state, "a state must be exactly one of: options/list, input, action (decision), end");
        }
        if (!state.isDecision()) {
            if (state.prompt().isEmpty()) {
                problem(state, "no prompt");
            }
            checkTranslations(state.file(), state.id(), state.prompt());
        }
        if (!state.error().isEmpty()) {
            checkTranslations(state.file(), state.id() + " error", state.error());
        }
        state.options().forEach(o -> {
            checkTranslations(state.file(), state.id() + " option", o.label());
            checkTarget(state, o.target());
            if (o.language() != null && !menus.languages().contains(o.language())) {
                problem(state, "option switches to unknown language '" + o.language() + "'");
            }
        });
        checkAction(state, state.action());
        checkAction(state, state.list());
        if ((state.isList() || state.input() != null) && state.action() == null) {
            if (state.next() == null) {
                problem(state, "no 'next' state");
            } else {
                checkTarget(state, state.next());
            }
        }
        if ((state.isList() || (state.input() != null && state.input().type() != InputRule.Type.PIN)) && state.saveAs() == null
                && state.action() == null) {
            problem(state, "no 'saveAs' for the chosen or typed value");
        }
        if (state.input() != null && state.input().type() == InputRule.Type.PIN && state.saveAs() != null) {
            problem(state, "a PIN is never stored: remove 'saveAs' and check it with an action");
        }
        if (state.action() != null && !state.isList() && state.on().isEmpty()) {
            problem(state, "action '" + state.action() + "' has no 'outcomes'");
        }
        state.on().forEach((outcome, o) -> {
            if (o.target() != null) {
                checkTarget(state, o.target());
            } else {
                checkTranslations(state.file(), state.id() + " outcomes." + outcome, o.error());
            }
        });
        if (!state.isDecision()) {
            checkLength(state);
        }
    }

    private void checkTranslations(String file, String where, Localized text) {
        for (String language : menus.languages()) {
            String value = text.texts().get(language);
            if (value == null || value.isBlank()) {
                problems.add(new MenuProblem(file, where, "missing translation '" + language + "'"));
            }
        }
    }

    private void checkTarget(MenuState state, String target) {
        if (!menus.states().containsKey(target)) {
            problem(state, "unknown target state '" + target + "'");
        }
    }

    private void checkAction(MenuState state, String action) {
        if (action != null && !actions.contains(action)) {
            problem(state, "unknown action '" + action + "'");
        }
    }

    /** The fixed part of a screen (prompt, fixed choices, footer) must fit; listed entries are paginated. */
    private void checkLength(MenuState state) {
        for (String language : menus.languages()) {
            String prompt = widen(state.prompt().in(language, menus.defaultLanguage()));
            List<String> labels = state.options().stream().map(o -> o.label().in(language, menus.defaultLanguage())).toList();
            String footer = state.root() || state.end() ? null : menus.message("footer", language);
            String screen = renderer.render(null, prompt, labels, 0, false, "", footer);
            if (screen.length() > maxChars) {
                problem(state, "screen in '" + language + "' is " + screen.length() + " characters, over the limit of " + maxChars);
            }
        }
    }

    private static String widen(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        return m.replaceAll("x".repeat(PLACEHOLDER_WIDTH));
    }

    private void checkReachability() {
        if (menus.start() == null || !menus.states().containsKey(menus.start())) {
            problems.add(new MenuProblem("(all files)", menus.start(), "the start state does not exist"));
            return;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(menus.start()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            MenuState state = menus.states().get(id);
            if (state == null || !seen.add(id)) {
                continue;
            }
            state.options().forEach(o -> todo.push(o.target()));
            if (state.next() != null) {
                todo.push(state.next());
            }
            state.on().values().stream().map(MenuState.Outcome::target).filter(t -> t != null).forEach(todo::push);
        }
        for (Map.Entry<String, MenuState> entry : menus.states().entrySet()) {
            if (!seen.contains(entry.getKey())) {
                problem(entry.getValue(), "unreachable from the start state");
            }
        }
    }

    private void problem(MenuState state, String problem) {
        problems.add(new MenuProblem(state.file(), state.id(), problem));
    }
}
