package org.afyadial.clinical;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Reads a rule's test case ({@code fires:} / {@code silent:} in the rules file) as a patient and a prescription item. */
final class TestCases {

    private TestCases() {
    }

    static PatientFacts facts(Map<String, Object> testCase) {
        List<PatientFacts.ConditionFact> conditions = SafetyRulesFile.list(testCase.get("conditions")).stream()
                .map(c -> c instanceof Map<?, ?> m
                        ? new PatientFacts.ConditionFact(String.valueOf(m.get("code")), egfr(m))
                        : new PatientFacts.ConditionFact(String.valueOf(c), null))
                .toList();
        List<String> allergies = SafetyRulesFile.list(testCase.get("allergies")).stream().map(String::valueOf).toList();
        Object age = testCase.getOrDefault("age", 35);
        return new PatientFacts(SafetyRulesFile.integer(age), conditions, allergies,
                Boolean.TRUE.equals(testCase.get("pregnant")), Boolean.TRUE.equals(testCase.get("breastfeeding")),
                SafetyRulesFile.decimal(testCase.get("weightKg")));
    }

    static DoseOrder order(String drug) {
        return order(drug, Map.of());
    }

    static DoseOrder order(String drug, Map<String, Object> testCase) {
        BigDecimal dose = testCase.containsKey("doseMg") ? SafetyRulesFile.decimal(testCase.get("doseMg")) : BigDecimal.ONE;
        Integer times = SafetyRulesFile.integer(testCase.get("timesPerDay"));
        return new DoseOrder(drug, dose, times == null ? 1 : times);
    }

    static List<String> otherDrugs(Map<String, Object> testCase) {
        return SafetyRulesFile.list(testCase.get("otherDrugs")).stream().map(String::valueOf).toList();
    }

    private static Integer egfr(Map<?, ?> condition) {
        if (condition.get("egfr") instanceof Number n) {
            return n.intValue();
        }
        Object stage = condition.get("stage");
        return new ChronicCondition("ckd", stage == null ? null : String.valueOf(stage), null, null, null).kidneyFunction();
    }
}
