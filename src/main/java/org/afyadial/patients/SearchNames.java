package org.afyadial.patients;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names folded for search: accents and apostrophes removed (é -> e), lower case, runs of anything
 * else that is not a letter or digit collapsed to one space. "Amélie N'Diaye" is stored and
 * searched as "amelie ndiaye", "Wa-Mwangi" as "wa mwangi".
 */
final class SearchNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchNames() {
    }

    static String of(String firstName, String lastName) {
        return fold(firstName + " " + lastName);
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = APOSTROPHES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
        return SEPARATORS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** A regular expression matching names with a word starting with the folded query; folding leaves no metacharacters. */
    static String wordPrefixPattern(String query) {
        return "(^| )" + fold(query);
    }
}
