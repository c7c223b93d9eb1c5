package org.afyadial.clinical;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the safety check knows of a patient at the moment of checking.
 *
 * @param age       in whole years from the year of birth (may be a year high), null when unknown
 * @param weightKg  the last recorded weight, null when none
 */
record PatientFacts(Integer age, List<ConditionFact> conditions, List<String> allergies, boolean pregnant,
                    boolean breastfeeding, BigDecimal weightKg) {

    /** A chronic condition; {@code egfr} is the kidney function when known (ml/min/1.73m2). */
    record ConditionFact(String code, Integer egfr) {
    }
}
