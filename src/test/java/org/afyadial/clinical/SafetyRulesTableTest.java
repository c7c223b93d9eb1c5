package org.afyadial.clinical;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every rule of {@code clinical/safety-rules.yaml} against its own two cases: it fires on {@code fires} and stays
 * silent on {@code silent}, the near miss.
 */
class SafetyRulesTableTest {

    private static final MedicationSafety SAFETY = new MedicationSafety();

    @TestFactory
    Stream<DynamicTest> eachRuleFiresOnItsCaseAndNotOnItsNearMiss() {
        return SAFETY.rules().stream().flatMap(rule -> Stream.of(
                dynamicTest(rule.id() + " fires", () -> assertTrue(firedRules(rule, rule.fires()).contains(rule.id()),
                        () -> rule.id() + " did not fire on " + rule.fires() + ": " + firedRules(rule, rule.fires()))),
                dynamicTest(rule.id() + " stays silent on its near miss", () -> assertFalse(
                        firedRules(rule, rule.silent()).contains(rule.id()), () -> rule.id() + " fired on " + rule.silent()))));
    }

    @Test
    void theFileShipsAtLeastSixtyRulesOfEveryKind() {
        assertTrue(SAFETY.rules().size() >= 60, "rules: " + SAFETY.rules().size());
        for (SafetyRule.Kind kind : SafetyRule.Kind.values()) {
            assertTrue(SAFETY.rules().stream().anyMatch(r -> r.kind() == kind), "no rule of kind " + kind);
        }
    }

    @Test
    void interactionsAreFoundFromEitherSide() {
        PatientFacts adult = TestCases.facts(Map.of());
        assertEquals(List.of("warfarin-nsaids"), ids(SAFETY.check(adult, List.of(TestCases.order("Brufen 400mg")), List.of("Warfarin 5mg"))));
        assertEquals(List.of("warfarin-nsaids"), ids(SAFETY.check(adult, List.of(TestCases.order("warfarin")), List.of("ibuprofen"))));
        assertEquals(List.of("nitrate-pde5", "nitrate-pde5"),
                ids(SAFETY.check(adult, List.of(TestCases.order("GTN"), TestCases.order("Viagra 50mg")), List.of())));
    }

    @Test
    void anUnknownDrugIsAcceptedWithAWarningNeverAsSafe() {
        List<Alert> alerts = SAFETY.check(TestCases.facts(Map.of()), List.of(TestCases.order("Mystery tonic 5ml")), List.of());
        assertEquals(1, alerts.size());
        assertEquals(Severity.WARNING, alerts.getFirst().severity());
        assertEquals("unknown-drug", alerts.getFirst().rule());
    }

    @Test
    void anAllergyToTheDrugItselfBlocksEvenWithoutAClassRule() {
        List<Alert> alerts = SAFETY.check(TestCases.facts(Map.of("allergies", List.of("Flagyl"))),
                List.of(TestCases.order("metronidazole 400 mg")), List.of());
        assertEquals(List.of("recorded-allergy"), ids(alerts));
        assertEquals(Severity.CONTRAINDICATED, alerts.getFirst().severity());
    }

    @Test
    void aMissingWeightOrDoseIsSaidNotPassed() {
        PatientFacts child = TestCases.facts(Map.of("age", 4));
        List<Alert> alerts = SAFETY.check(child, List.of(new DoseOrder("Calpol", new BigDecimal("120"), 4)), List.of());
        assertEquals(List.of("paracetamol-max-child"), ids(alerts));
        assertTrue(alerts.getFirst().explanation().startsWith("No weight is recorded"));
        assertEquals(Severity.WARNING, alerts.getFirst().severity());
    }

    private static List<String> firedRules(SafetyRule rule, Map<String, Object> testCase) {
        String drug = testCase.containsKey("drug") ? String.valueOf(testCase.get("drug"))
                : SAFETY.catalog().firstOf(rule.drug()).orElseThrow().name();
        return ids(SAFETY.check(TestCases.facts(testCase), List.of(TestCases.order(drug, testCase)), TestCases.otherDrugs(testCase)));
    }

    private static List<String> ids(List<Alert> alerts) {
        return alerts.stream().map(Alert::rule).toList();
    }
}
