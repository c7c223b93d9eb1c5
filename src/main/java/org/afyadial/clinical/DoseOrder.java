package org.afyadial.clinical;

import java.math.BigDecimal;

/** What the safety check reads of a prescription item: the drug as written and, when given, the dose in mg. */
record DoseOrder(String drug, BigDecimal doseMg, int timesPerDay) {

    BigDecimal dailyMg() {
        return doseMg.multiply(BigDecimal.valueOf(timesPerDay));
    }
}
