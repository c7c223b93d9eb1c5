package org.afyadial.clinical;

import org.afyadial.patients.Language;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks {@code clinical/conditions.yaml} and {@code clinical/safety-rules.yaml} (format in the README
 * beside them). Every problem is collected with the rule or name it concerns, so that all of them are shown at
 * once: unknown drugs, classes or conditions, an alias naming two things, duplicate rules or ids, a rule without
 * a source, explanation, severity or test cases, a screen text or message missing in a language or too long for a
 * phone screen.
 */
final class SafetyRulesFile {

    private static final Set<String> RULE_KEYS = Set.of("id", "drug", "condition", "egfrBelow", "allergy", "pregnancy",
            "breastfeeding", "ageBelow", "with", "maxDailyMg", "maxDailyMgPerKg", "severity", "explanation", "screen",
            "source", "fires", "silent");
    static final Set<String> CASE_KEYS = Set.of("drug", "age", "conditions", "allergies", "pregnant", "breastfeeding",
            "weightKg", "doseMg", "timesPerDay", "otherDrugs");

    /** The messages of the check's own findings ({@code {placeholders}} filled in by the check). */
    static final List<String> MESSAGE_KEYS = List.of("unknown-drug", "recorded-allergy", "dose-unknown", "weight-unknown", "overdose");
    /**
     * The longest screen text: an alert screen adds its heading ({@code ALERTE 1/2 CONTRE-INDIQUE.}), the drug as
     * written and the Continue/Back lines, and stays within 160 characters for a drug name of up to 20.
     */
    static final int SCREEN_CHARS = 80;
    private static final List<String> LANGUAGES = Arrays.stream(Language.values()).map(Language::name).toList();

    /** {@code messages}: each of {@link #MESSAGE_KEYS} by language. */
    record Result(ConditionCodes conditions, DrugCatalog catalog, List<SafetyRule> rules,
                  Map<String, Map<String, String>> messages, List<String> problems) {
    }

    private final List<String> problems = new ArrayList<>();

    private SafetyRulesFile() {
    }

    static Result read(String conditionsYaml, String rulesYaml) {
        SafetyRulesFile file = new SafetyRulesFile();
        ConditionCodes conditions = file.conditions(file.mapping("conditions.yaml", conditionsYaml));
        Map<String, Object> top = file.mapping("safety-rules.yaml", rulesYaml);
        DrugCatalog catalog = file.catalog(top);
        List<SafetyRule> rules = file.rules(top.get("rules"), catalog, conditions);
        Map<String, Map<String, String>> messages = file.messages(top.get("messages"));
        return new Result(conditions, catalog, rules, messages, List.copyOf(file.problems));
    }

    private Map<String, Object> mapping(String fileName, String yaml) {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (parsed instanceof Map<?, ?> map) {
                return stringKeys(map);
            }
            problems.add(fileName + ": the file must be a mapping");
        } catch (YAMLException e) {
            problems.add(fileName + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return Map.of();
    }

    private ConditionCodes conditions(Map<String, Object> top) {
        Map<String, ConditionCodes.Condition> byCode = new LinkedHashMap<>();
        top.forEach((code, value) -> {
            Map<String, Object> fields = map(value);
            if (text(fields.get("name")) == null) {
                problems.add("condition " + code + ": no name");
            }
            byCode.put(code, new ConditionCodes.Condition(code, text(fields.get("name")), text(fields.get("icd10")),
                    Boolean.TRUE.equals(fields.get("kidney"))));
        });
        return new ConditionCodes(byCode);
    }

    private DrugCatalog catalog(Map<String, Object> top) {
        Set<String> classes = new LinkedHashSet<>(map(top.get("classes")).keySet());
        Map<String, Drug> drugs = new LinkedHashMap<>();
        Map<String, String> aliases = new HashMap<>();
        classes.forEach(c -> alias(aliases, c, c));
        map(top.get("classes")).forEach((name, value) -> list(map(value).get("aliases")).forEach(a -> alias(aliases, text(a), name)));
        map(top.get("drugs")).forEach((name, value) -> {
            Map<String, Object> fields = map(value);
            Set<String> drugClasses = new LinkedHashSet<>();
            for (Object c : list(fields.get("classes"))) {
                if (!classes.contains(text(c))) {
                    problems.add("drug " + name + ": unknown class '" + c + "'");
                }
                drugClasses.add(text(c));
            }
            drugs.put(name, new Drug(name, Set.copyOf(drugClasses)));
            alias(aliases, name, name);
            list(fields.get("aliases")).forEach(a -> alias(aliases, text(a), name));
        });
        return new DrugCatalog(drugs, classes, aliases);
    }

    private void alias(Map<String, String> aliases, String alias, String name) {
        String key = DrugNames.normalize(alias);
        String before = aliases.putIfAbsent(key, name);
        if (before != null && !before.equals(name)) {
            problems.add("alias '" + alias + "' names both " + before + " and " + name);
        }
    }

    private List<SafetyRule> rules(Object value, DrugCatalog catalog, ConditionCodes conditions) {
        List<SafetyRule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Map<String, String> signatures = new HashMap<>();
        for (Object entry : list(value)) {
            Map<String, Object> fields = map(entry);
            String id = text(fields.get("id"));
            String where = "rule " + (id == null ? "#" + (rules.size() + 1) : id);
            if (id == null) {
                problems.add(where + ": no id");
            } else if (!ids.add(id)) {
                problems.add(where + ": the id is used twice");
            }
            fields.keySet().stream().filter(k -> !RULE_KEYS.contains(k)).forEach(k -> problems.add(where + ": unknown key '" + k + "'"));
            SafetyRule rule = rule(where, id, fields, catalog, conditions);
            if (rule != null) {
                String earlier = signatures.putIfAbsent(rule.signature(), where);
                if (earlier != null) {
                    problems.add(where + ": duplicates " + earlier);
                }
                rules.add(rule);
            }
        }
        if (rules.isEmpty()) {
            problems.add("safety-rules.yaml: no rules");
        }
        return List.copyOf(rules);
    }

    private SafetyRule rule(String where, String id, Map<String, Object> fields, DrugCatalog catalog, ConditionCodes conditions) {
        String drug = known(where, "drug", text(fields.get("drug")), catalog);
        String condition = text(fields.get("condition"));
        if (condition != null && !conditions.knows(condition)) {
            problems.add(where + ": unknown condition '" + condition + "'");
        }
        String allergy = known(where, "allergy", text(fields.get("allergy")), catalog);
        String with = known(where, "with", text(fields.get("with")), catalog);
        SafetyRule.Kind kind = kind(where, fields);
        Severity severity = severity(where, fields.get("severity"));
        String explanation = required(where, "explanation", fields);
        String source = required(where, "source", fields);
        Map<String, String> screen = screenTexts(where + ": screen", fields.get("screen"));
        Map<String, Object> fires = testCase(where, "fires", fields.get("fires"));
        Map<String, Object> silent = testCase(where, "silent", fields.get("silent"));
        if (drug == null || kind == null || severity == null) {
            return null;
        }
        return new SafetyRule(id, drug, kind, condition, integer(fields.get("egfrBelow")), allergy,
                integer(fields.get("ageBelow")), with, decimal(fields.get("maxDailyMg")),
                decimal(fields.get("maxDailyMgPerKg")), severity, explanation, screen, source, fires, silent);
    }

    private Map<String, Map<String, String>> messages(Object value) {
        if (!(value instanceof Map<?, ?>)) {
            problems.add("safety-rules.yaml: no messages");
            return Map.of();
        }
        Map<String, Object> byKey = map(value);
        Map<String, Map<String, String>> messages = new LinkedHashMap<>();
        MESSAGE_KEYS.forEach(key -> messages.put(key, screenTexts("message " + key, byKey.get(key))));
        byKey.keySet().stream().filter(k -> !MESSAGE_KEYS.contains(k)).forEach(k -> problems.add("messages: unknown message '" + k + "'"));
        return Map.copyOf(messages);
    }

    /** A text in every language, each at most {@link #SCREEN_CHARS} characters. */
    private Map<String, String> screenTexts(String where, Object value) {
        if (!(value instanceof Map<?, ?>)) {
            problems.add(where + ": none");
            return Map.of();
        }
        Map<String, Object> byLanguage = map(value);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            String text = text(byLanguage.get(language));
            if (text == null || text.isBlank()) {
                problems.add(where + ": no text in " + language);
            } else if (text.length() > SCREEN_CHARS) {
                problems.add(where + ": the " + language + " text has " + text.length() + " characters, more than " + SCREEN_CHARS);
            } else {
                texts.put(language, text);
            }
        }
        return Map.copyOf(texts);
    }

    private SafetyRule.Kind kind(String where, Map<String, Object> fields) {
        List<SafetyRule.Kind> kinds = new ArrayList<>();
        if (fields.containsKey("maxDailyMg") || fields.containsKey("maxDailyMgPerKg")) {
            kinds.add(SafetyRule.Kind.MAX_DOSE);
        }
        if (fields.containsKey("condition")) {
            kinds.add(SafetyRule.Kind.CONDITION);
        }
        if (fields.containsKey("allergy")) {
            kinds.add(SafetyRule.Kind.ALLERGY);
        }
        if (Boolean.TRUE.equals(fields.get("pregnancy"))) {
            kinds.add(SafetyRule.Kind.PREGNANCY);
        }
        if (Boolean.TRUE.equals(fields.get("breastfeeding"))) {
            kinds.add(SafetyRule.Kind.BREASTFEEDING);
        }
        if (fields.containsKey("with")) {
            kinds.add(SafetyRule.Kind.INTERACTION);
        }
        if (kinds.isEmpty() && fields.containsKey("ageBelow")) {
            kinds.add(SafetyRule.Kind.AGE);
        }
        if (kinds.size() != 1) {
            problems.add(where + (kinds.isEmpty()
                    ? ": says nothing to check (condition, allergy, pregnancy, breastfeeding, ageBelow, with or maxDailyMg)"
                    : ": mixes " + kinds + "; write one rule for each"));
            return null;
        }
        return kinds.getFirst();
    }

    private String known(String where, String key, String name, DrugCatalog catalog) {
        if (name == null) {
            if (key.equals("drug")) {
                problems.add(where + ": no drug");
            }
            return null;
        }
        if (!catalog.knows(name)) {
            problems.add(where + ": unknown " + key + " '" + name + "' (not a drug or class of the file)");
        }
        return name;
    }

    private Severity severity(String where, Object value) {
        try {
            return Severity.valueOf(text(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(where + ": severity must be CONTRAINDICATED or WARNING");
            return null;
        }
    }

    private String required(String where, String key, Map<String, Object> fields) {
        String value = text(fields.get(key));
        if (value == null || value.isBlank()) {
            problems.add(where + ": no " + key);
        }
        return value;
    }

    private Map<String, Object> testCase(String where, String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(where + ": no '" + key + "' test case");
            return Map.of();
        }
        Map<String, Object> fields = stringKeys(map);
        fields.keySet().stream().filter(k -> !CASE_KEYS.contains(k))
                .forEach(k -> problems.add(where + ": unknown key '" + k + "' in '" + key + "'"));
        return fields;
    }

    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static Integer integer(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }
}
