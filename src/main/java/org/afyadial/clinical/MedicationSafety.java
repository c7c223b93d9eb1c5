package org.afyadial.clinical;

import io.micronaut.context.annotation.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The medication safety check: every item of a prescription against the patient's conditions, allergies,
 * pregnancy, breastfeeding, age, weight and other drugs, by the rules of {@code clinical/safety-rules.yaml}.
 * The rules are read and checked when the service starts; a problem in them stops the start.
 * A drug missing from the file is never passed as safe: it gets a warning that it could not be checked.
 */
@Context
public class MedicationSafety {

    static final String CONDITIONS_RESOURCE = "clinical/conditions.yaml";
    static final String RULES_RESOURCE = "clinical/safety-rules.yaml";
    private static final String OWN_SOURCE = "AfyaDial safety check";

    private final ConditionCodes conditions;
    private final DrugCatalog catalog;
    private final List<SafetyRule> rules;
    private final Map<String, Map<String, String>> messages;

    MedicationSafety() {
        this(SafetyRulesFile.read(resource(CONDITIONS_RESOURCE), resource(RULES_RESOURCE)));
    }

    MedicationSafety(SafetyRulesFile.Result file) {
        if (!file.problems().isEmpty()) {
            throw new IllegalStateException("The medication safety rules have problems:\n  " + String.join("\n  ", file.problems()));
        }
        this.conditions = file.conditions();
        this.catalog = file.catalog();
        this.rules = file.rules();
        this.messages = file.messages();
    }

    ConditionCodes conditions() {
        return conditions;
    }

    DrugCatalog catalog() {
        return catalog;
    }

    List<SafetyRule> rules() {
        return rules;
    }

    /** The alerts of every item, item by item; {@code otherDrugs} are the patient's other active prescriptions. */
    List<Alert> check(PatientFacts patient, List<DoseOrder> items, List<String> otherDrugs) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            List<String> others = new ArrayList<>(otherDrugs);
            IntStream.range(0, items.size()).filter(j -> j != index).forEach(j -> others.add(items.get(j).drug()));
            alerts.addAll(check(index, items.get(i), patient, others));
        }
        return List.copyOf(alerts);
    }

    private List<Alert> check(int index, DoseOrder item, PatientFacts patient, List<String> others) {
        Optional<Drug> resolved = catalog.resolve(item.drug());
        if (resolved.isEmpty()) {
            return List.of(new Alert(index, item.drug(), "unknown-drug", Severity.WARNING,
                    item.drug() + " is not in the drug list: it could not be checked for allergies, conditions or interactions.",
                    messages.get("unknown-drug"), OWN_SOURCE));
        }
        Drug drug = resolved.get();
        List<Alert> alerts = new ArrayList<>();
        boolean allergyFound = false;
        for (SafetyRule rule : rules) {
            Optional<Alert> alert = covers(rule, drug) && rule.appliesAt(patient.age())
                    ? finding(index, rule, drug, item, patient, others) : Optional.empty();
            if (alert.isPresent()) {
                alerts.add(alert.get());
                allergyFound |= rule.kind() == SafetyRule.Kind.ALLERGY;
            }
        }
        if (!allergyFound) {
            recordedAllergy(drug, patient).ifPresent(allergy -> alerts.add(new Alert(index, item.drug(), "recorded-allergy",
                    Severity.CONTRAINDICATED, "The patient's record lists an allergy to " + allergy + ".",
                    message("recorded-allergy", Map.of("allergy", allergy)), OWN_SOURCE)));
        }
        return alerts;
    }

    /** An interaction rule covers the drugs on both of its sides. */
    private static boolean covers(SafetyRule rule, Drug drug) {
        return drug.is(rule.drug()) || rule.kind() == SafetyRule.Kind.INTERACTION && drug.is(rule.with());
    }

    /** The rule's alert when it fires, empty when it does not. */
    private Optional<Alert> finding(int index, SafetyRule rule, Drug drug, DoseOrder item, PatientFacts patient, List<String> others) {
        boolean fires = switch (rule.kind()) {
            case CONDITION -> patient.conditions().stream().anyMatch(c -> c.code().equals(rule.condition())
                    && (rule.egfrBelow() == null || c.egfr() == null || c.egfr() < rule.egfrBelow()));
            case ALLERGY -> patient.allergies().stream().anyMatch(a -> catalog.substance(a).contains(rule.allergy()));
            case PREGNANCY -> patient.pregnant();
            case BREASTFEEDING -> patient.breastfeeding();
            case AGE -> true;
            case INTERACTION -> others.stream().map(catalog::resolve).flatMap(Optional::stream)
                    .anyMatch(other -> drug.is(rule.drug()) && other.is(rule.with()) || drug.is(rule.with()) && other.is(rule.drug()));
            case MAX_DOSE -> false;
        };
        if (rule.kind() == SafetyRule.Kind.MAX_DOSE) {
            return overdose(index, rule, item, patient);
        }
        return fires ? Optional.of(alert(index, item, rule, rule.severity(), rule.explanation(), rule.screen())) : Optional.empty();
    }

    /** Over the maximum: the rule's severity; a dose or weight missing to compare: a WARNING that says so. */
    private Optional<Alert> overdose(int index, SafetyRule rule, DoseOrder item, PatientFacts patient) {
        if (item.doseMg() == null) {
            return Optional.of(alert(index, item, rule, Severity.WARNING,
                    "The dose in mg was not given, so it could not be checked. " + rule.explanation(), messages.get("dose-unknown")));
        }
        BigDecimal limit = rule.maxDailyMg();
        if (rule.maxDailyMgPerKg() != null) {
            if (patient.weightKg() == null) {
                return Optional.of(alert(index, item, rule, Severity.WARNING,
                        "No weight is recorded, so the dose could not be checked. " + rule.explanation(), messages.get("weight-unknown")));
            }
            limit = rule.maxDailyMgPerKg().multiply(patient.weightKg());
        }
        BigDecimal daily = item.dailyMg();
        if (daily.compareTo(limit) <= 0) {
            return Optional.empty();
        }
        String dailyMg = daily.stripTrailingZeros().toPlainString();
        String limitMg = limit.stripTrailingZeros().toPlainString();
        Map<String, String> figures = message("overdose", Map.of("daily", dailyMg, "limit", limitMg));
        Map<String, String> screen = new HashMap<>();
        rule.screen().forEach((language, text) -> screen.put(language, text + " " + figures.get(language)));
        return Optional.of(alert(index, item, rule, rule.severity(), rule.explanation() + " Prescribed: " + dailyMg
                + " mg a day, maximum " + limitMg + " mg.", Map.copyOf(screen)));
    }

    private static Alert alert(int index, DoseOrder item, SafetyRule rule, Severity severity, String explanation,
                               Map<String, String> screen) {
        return new Alert(index, item.drug(), rule.id(), severity, explanation, screen, rule.source());
    }

    /** The message of the check's own finding in every language, its {@code {placeholders}} filled in. */
    private Map<String, String> message(String key, Map<String, String> values) {
        Map<String, String> filled = new HashMap<>();
        messages.get(key).forEach((language, text) -> {
            String result = text;
            for (Map.Entry<String, String> value : values.entrySet()) {
                result = result.replace("{" + value.getKey() + "}", value.getValue());
            }
            filled.put(language, result);
        });
        return Map.copyOf(filled);
    }

    private Optional<String> recordedAllergy(Drug drug, PatientFacts patient) {
        return patient.allergies().stream()
                .filter(allergy -> catalog.named(allergy).filter(drug::is).isPresent())
                .findFirst();
    }

    static String resource(String name) {
        try (InputStream in = MedicationSafety.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
