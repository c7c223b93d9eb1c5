package org.afyadial.clinical;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rules file with mistakes is refused with every mistake named, and the service does not start on it. */
class SafetyRulesLintTest {

    private static final String CONDITIONS = "diabetes: {name: Diabetes}\n";

    @Test
    void everyMistakeIsNamed() {
        String rules = """
                classes:
                  nsaids: {aliases: [nsaid]}
                drugs:
                  ibuprofen: {classes: [nsaids, opioids], aliases: [brufen]}
                  naproxen: {classes: [nsaids], aliases: [brufen]}
                rules:
                  - {id: a, drug: ibuprofen, condition: diabetes, severity: WARNING, explanation: x, source: BNF, fires: {}, silent: {}, screen: &s {en: x, fr: x, sw: x}}
                  - {id: b, drug: ibuprofen, condition: diabetes, severity: WARNING, explanation: y, source: BNF, fires: {}, silent: {}, screen: *s}
                  - {id: c, drug: ibuprofn, condition: gout, severity: WARNING, explanation: x, fires: {}, silent: {}, screen: *s}
                  - {id: c, drug: ibuprofen, pregnancy: true, severity: SEVERE, explanation: x, source: BNF, screen: *s}
                  - {id: d, drug: ibuprofen, pregnancy: true, with: naproxen, severity: WARNING, explanation: x, source: BNF, fires: {}, silent: {}, screen: *s}
                """;
        List<String> problems = SafetyRulesFile.read(CONDITIONS, rules).problems();
        assertEquals(List.of(
                "drug ibuprofen: unknown class 'opioids'",
                "alias 'brufen' names both ibuprofen and naproxen",
                "rule b: duplicates rule a",
                "rule c: unknown drug 'ibuprofn' (not a drug or class of the file)",
                "rule c: unknown condition 'gout'",
                "rule c: no source",
                "rule c: the id is used twice",
                "rule c: severity must be CONTRAINDICATED or WARNING",
                "rule c: no 'fires' test case",
                "rule c: no 'silent' test case",
                "rule d: mixes [PREGNANCY, INTERACTION]; write one rule for each",
                "safety-rules.yaml: no messages"), problems);
    }

    @Test
    void screenTextsAreInEveryLanguageAndFitAPhoneScreen() {
        String rules = """
                drugs:
                  ibuprofen: {classes: [], aliases: []}
                messages:
                  unknown-drug: {en: a, fr: a, sw: a}
                  recorded-allergy: {en: a, fr: a}
                  dose-unknown: {en: a, fr: a, sw: a}
                  weight-unknown: {en: a, fr: a, sw: a}
                  overdose: {en: a, fr: a, sw: a}
                  welcome: {en: a, fr: a, sw: a}
                rules:
                  - {id: a, drug: ibuprofen, condition: diabetes, severity: WARNING, explanation: x, screen: {en: x, fr: x}, source: BNF, fires: {}, silent: {}}
                  - {id: b, drug: ibuprofen, pregnancy: true, severity: WARNING, explanation: x, screen: {en: %s, fr: x, sw: x}, source: BNF, fires: {}, silent: {}}
                  - {id: c, drug: ibuprofen, ageBelow: 12, severity: WARNING, explanation: x, source: BNF, fires: {}, silent: {}}
                """.formatted("y".repeat(SafetyRulesFile.SCREEN_CHARS + 1));

        assertEquals(List.of(
                "rule a: screen: no text in sw",
                "rule b: screen: the en text has 81 characters, more than 80",
                "rule c: screen: none",
                "message recorded-allergy: no text in sw",
                "messages: unknown message 'welcome'"), SafetyRulesFile.read(CONDITIONS, rules).problems());
    }

    @Test
    void theServiceRefusesToStartOnABrokenFile() {
        SafetyRulesFile.Result broken = SafetyRulesFile.read(CONDITIONS, "rules: []\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new MedicationSafety(broken));
        assertTrue(refused.getMessage().contains("safety-rules.yaml: no rules"), refused.getMessage());
    }

    @Test
    void theShippedFilesAreClean() {
        assertEquals(List.of(), SafetyRulesFile.read(MedicationSafety.resource(MedicationSafety.CONDITIONS_RESOURCE),
                MedicationSafety.resource(MedicationSafety.RULES_RESOURCE)).problems());
    }
}
