package org.afyadial.clinical;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One rule of {@code clinical/safety-rules.yaml}. {@code drug} is a drug or a class; which of the other fields is
 * set says what the rule is about (see the README beside the file). {@code screen} is the explanation short enough
 * for a phone screen, by language. {@code fires} and {@code silent} are the rule's own test cases: a patient it must
 * fire on and a near miss it must not.
 */
record SafetyRule(String id, String drug, Kind kind, String condition, Integer egfrBelow, String allergy,
                  Integer ageBelow, String with, BigDecimal maxDailyMg, BigDecimal maxDailyMgPerKg,
                  Severity severity, String explanation, Map<String, String> screen, String source,
                  Map<String, Object> fires, Map<String, Object> silent) {

    enum Kind { CONDITION, ALLERGY, PREGNANCY, BREASTFEEDING, AGE, INTERACTION, MAX_DOSE }

    /** What makes two rules the same rule whatever their words: duplicates are refused. */
    String signature() {
        return String.join("|", kind.name(), drug, String.valueOf(condition), String.valueOf(egfrBelow),
                String.valueOf(allergy), String.valueOf(ageBelow), String.valueOf(with));
    }

    boolean appliesAt(Integer age) {
        return ageBelow == null || age != null && age < ageBelow;
    }
}
