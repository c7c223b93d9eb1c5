package org.afyadial.imports;

import java.util.Locale;

/**
 * Repairs the case of names typed with a stuck or random shift ({@code aNdrEw wAtTs} → {@code Andrew Watts}):
 * each word, and each part after a hyphen or apostrophe, starts with a capital and goes on in lower case.
 */
final class NameCase {

    private NameCase() {
    }

    static String repair(String name) {
        String lower = name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        StringBuilder repaired = new StringBuilder(lower.length());
        boolean startOfPart = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            repaired.append(startOfPart ? Character.toTitleCase(c) : c);
            startOfPart = c == ' ' || c == '-' || c == '\'';
        }
        return repaired.toString();
    }
}
