package org.afyadial.clinical;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way drug and substance names are compared: lower case, accents and punctuation dropped, so that
 * {@code Paracétamol}, {@code PARACETAMOL} and {@code co-trimoxazole} / {@code cotrimoxazole} meet in the alias
 * table. {@link #withoutStrength} also drops a trailing strength or form ({@code 500mg}, {@code 10%}, {@code 1 g}).
 */
final class DrugNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9%.]+");
    private static final Pattern STRENGTH_WORD = Pattern.compile(
            "[0-9][0-9.,/%]*[a-z%]*|%|mg|g|mcg|ug|ml|iu|units?|tabs?|tablets?|caps?|capsules?|syrup|sirop|injection|inj|iv|im|oral|solution");

    private DrugNames() {
    }

    static String normalize(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The normalized name without the strength and form words at its end; unchanged when nothing is left. */
    static String withoutStrength(String normalized) {
        List<String> words = new ArrayList<>(Arrays.asList(normalized.split(" ")));
        while (words.size() > 1 && STRENGTH_WORD.matcher(words.getLast()).matches()) {
            words.removeLast();
        }
        return String.join(" ", words);
    }
}
