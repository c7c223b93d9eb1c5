package org.afyadial.clinical;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One finding of the safety check on one prescription item: the rule that fired, in words, with its source.
 *
 * @param item the item's position in the prescription (0 first)
 * @param drug the drug as the prescriber wrote it
 */
@Serdeable
public record Alert(int item, String drug, String rule, Severity severity, String explanation, String source) {

    boolean blocks() {
        return severity == Severity.CONTRAINDICATED;
    }
}
