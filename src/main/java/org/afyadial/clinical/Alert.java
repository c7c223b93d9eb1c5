package org.afyadial.clinical;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * One finding of the safety check on one prescription item: the rule that fired, in words, with its source.
 *
 * @param item   the item's position in the prescription (0 first)
 * @param drug   the drug as the prescriber wrote it
 * @param screen the explanation short enough for a phone screen, by language ({@code en}, {@code fr}, {@code sw})
 */
@Serdeable
public record Alert(int item, String drug, String rule, Severity severity, String explanation, Map<String, String> screen,
                    String source) {

    /** The short explanation in the language, or the full one in English for a language the rules are not written in. */
    String screen(String language) {
        return screen.getOrDefault(language, explanation);
    }

    boolean blocks() {
        return severity == Severity.CONTRAINDICATED;
    }
}
