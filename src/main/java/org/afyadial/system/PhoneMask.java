package org.afyadial.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers wherever they appear in a text that goes to a log:
 * {@code +254712345678} becomes {@code +2547****5678}, and so does a number typed with spaces, dashes
 * or brackets ({@code (0722) 240-405}). Also catches the URL-encoded form ({@code %2B254...}, {@code %20})
 * found in query strings and form bodies.
 */
public final class PhoneMask {

    /** Between two digits, as people type a number: a space, dash, dot or bracket (one or two), or a URL's %20 or +. */
    private static final String SEPARATOR = "(?:[ .()\\-]{1,2}|%20|\\+)";
    /** 9 to 15 digits, possibly separated, possibly bracketed, after an optional + (or its URL form). */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+%.\\-])(\\+|%2B)?\\(?\\d(?:" + SEPARATOR + "?\\d){8,14}(?![\\d\\w])");

    private PhoneMask() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 9) {
            return text;
        }
        Matcher m = PHONE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String plus = m.group(1) == null ? "" : m.group(1);
            String digits = m.group().substring(plus.length()).replace("%20", "").replaceAll("\\D", "");
            m.appendReplacement(out, Matcher.quoteReplacement(plus + digits.substring(0, 4) + "****" + digits.substring(digits.length() - 4)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
