package org.afyadial.ussd;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads menu YAML files (schema in {@code ussd-menus/README.md}) into {@link Menus}. Every file is a flow named
 * after the file; a state refers to another file's state as {@code flow.state}. Structural problems are
 * collected, not thrown, so that the linter can print all of them at once.
 */
final class MenuLoader {

    private static final Set<String> STATE_KEYS = Set.of("root", "end", "prompt", "options", "list", "input",
            "saveAs", "next", "action", "outcomes", "error");
    private static final Set<String> OPTION_KEYS = Set.of("label", "goto", "set", "language");
    private static final Set<String> INPUT_KEYS = Set.of("type", "min", "max", "pattern", "maxLength");

    private final List<MenuProblem> problems = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private final Map<String, Localized> messages = new LinkedHashMap<>();
    private final Map<String, MenuState> states = new LinkedHashMap<>();
    private String start;

    record Result(Menus menus, List<MenuProblem> problems) {
    }

    static Result load(List<MenuSource> sources) {
        MenuLoader loader = new MenuLoader();
        sources.forEach(loader::read);
        if (loader.languages.isEmpty()) {
            loader.problems.add(new MenuProblem("(all files)", null, "no file declares 'languages'"));
            loader.languages.add("en");
        }
        if (loader.start == null) {
            loader.problems.add(new MenuProblem("(all files)", null, "no file declares 'start'"));
        }
        return new Result(new Menus(List.copyOf(loader.languages), loader.start, Map.copyOf(loader.messages),
                Map.copyOf(loader.states)), List.copyOf(loader.problems));
    }

    private void read(MenuSource source) {
        String flow = source.file().replaceFirst("\\.yaml$", "");
        Object parsed;
        try {
            LoaderOptions options = new LoaderOptions();
            parsed = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                    options, new PlainWords()).load(source.yaml());
        } catch (YAMLException e) {
            problems.add(new MenuProblem(source.file(), null, "not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return;
        }
        if (!(parsed instanceof Map<?, ?> top)) {
            problems.add(new MenuProblem(source.file(), null, "the file must be a mapping"));
            return;
        }
        for (var entry : top.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            switch (key) {
                case "languages" -> readLanguages(source.file(), value);
                case "start" -> start = qualify(flow, String.valueOf(value));
                case "messages" -> map(value).forEach((k, v) -> messages.put(String.valueOf(k), localized(source.file(), "messages." + k, v)));
                case "states" -> map(value).forEach((k, v) -> readState(source.file(), flow, String.valueOf(k), v));
                default -> problems.add(new MenuProblem(source.file(), null, "unknown top-level key '" + key + "'"));
            }
        }
    }

    private void readLanguages(String file, Object value) {
        if (!languages.isEmpty() || !(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(new MenuProblem(file, null, "'languages' must be declared once, as a non-empty list"));
            return;
        }
        list.forEach(l -> languages.add(String.valueOf(l)));
    }

    private void readState(String file, String flow, String name, Object raw) {
        String id = flow + "." + name;
        if (!(raw instanceof Map<?, ?> fields)) {
            problems.add(new MenuProblem(file, id, "a state must be a mapping"));
            return;
        }
        fields.keySet().stream().map(String::valueOf).filter(k -> !STATE_KEYS.contains(k))
                .forEach(k -> problems.add(new MenuProblem(file, id, "unknown key '" + k + "'")));
        List<MenuOption> options = new ArrayList<>();
        if (fields.get("options") instanceof List<?> list) {
            list.forEach(o -> options.add(option(file, id, flow, o)));
        } else if (fields.containsKey("options")) {
            problems.add(new MenuProblem(file, id, "'options' must be a list"));
        }
        Map<String, MenuState.Outcome> on = new LinkedHashMap<>();
        map(fields.get("outcomes")).forEach((k, v) -> on.put(String.valueOf(k), v instanceof Map<?, ?> m && m.containsKey("error")
                ? new MenuState.Outcome(null, localized(file, id + ".outcomes." + k, m.get("error")))
                : new MenuState.Outcome(qualify(flow, String.valueOf(v)), null)));
        states.put(id, new MenuState(id, file,
                Boolean.TRUE.equals(fields.get("root")), Boolean.TRUE.equals(fields.get("end")),
                fields.containsKey("prompt") ? localized(file, id, fields.get("prompt")) : Localized.NONE,
                List.copyOf(options), text(fields.get("list")), input(file, id, fields.get("input")),
                text(fields.get("saveAs")), fields.containsKey("next") ? qualify(flow, text(fields.get("next"))) : null,
                text(fields.get("action")), Map.copyOf(on),
                fields.containsKey("error") ? localized(file, id, fields.get("error")) : Localized.NONE));
    }

    private MenuOption option(String file, String id, String flow, Object raw) {
        Map<?, ?> fields = map(raw);
        fields.keySet().stream().map(String::valueOf).filter(k -> !OPTION_KEYS.contains(k))
                .forEach(k -> problems.add(new MenuProblem(file, id, "unknown option key '" + k + "'")));
        if (!fields.containsKey("goto")) {
            problems.add(new MenuProblem(file, id, "an option has no 'goto'"));
        }
        Map<String, String> set = new LinkedHashMap<>();
        map(fields.get("set")).forEach((k, v) -> set.put(String.valueOf(k), String.valueOf(v)));
        return new MenuOption(localized(file, id, fields.get("label")),
                fields.containsKey("goto") ? qualify(flow, text(fields.get("goto"))) : id,
                Map.copyOf(set), text(fields.get("language")));
    }

    private InputRule input(String file, String id, Object raw) {
        if (raw == null) {
            return null;
        }
        Map<?, ?> fields = map(raw);
        fields.keySet().stream().map(String::valueOf).filter(k -> !INPUT_KEYS.contains(k))
                .forEach(k -> problems.add(new MenuProblem(file, id, "unknown input key '" + k + "'")));
        InputRule.Type type;
        try {
            type = InputRule.Type.valueOf(String.valueOf(fields.get("type")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new MenuProblem(file, id, "input type must be one of number, year, date, text, pin"));
            type = InputRule.Type.TEXT;
        }
        Pattern pattern = null;
        if (fields.get("pattern") != null) {
            try {
                pattern = Pattern.compile(String.valueOf(fields.get("pattern")));
            } catch (PatternSyntaxException e) {
                problems.add(new MenuProblem(file, id, "invalid pattern: " + e.getDescription()));
            }
        }
        int maxLength = fields.get("maxLength") instanceof Number n ? n.intValue() : 30;
        return new InputRule(type, longOrNull(fields.get("min")), longOrNull(fields.get("max")), pattern, maxLength);
    }

    private Localized localized(String file, String where, Object raw) {
        if (!(raw instanceof Map<?, ?> texts)) {
            problems.add(new MenuProblem(file, where, "a text must be a mapping of language to text"));
            return Localized.NONE;
        }
        Map<String, String> byLanguage = new LinkedHashMap<>();
        texts.forEach((k, v) -> byLanguage.put(String.valueOf(k), String.valueOf(v).strip()));
        return new Localized(Map.copyOf(byLanguage));
    }

    private static Map<?, ?> map(Object raw) {
        return raw instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String text(Object raw) {
        return raw == null ? null : String.valueOf(raw);
    }

    private static Long longOrNull(Object raw) {
        return raw instanceof Number n ? n.longValue() : null;
    }

    private static String qualify(String flow, String target) {
        return target.contains(".") ? target : flow + "." + target;
    }

    /**
     * YAML 1.1 reads {@code Yes}, {@code No}, {@code On} and {@code Off} as booleans, which would turn a "Yes"
     * label into "true"; menus are written by translators, so only {@code true}/{@code false} are booleans here.
     */
    private static final class PlainWords extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tfTF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+.0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
