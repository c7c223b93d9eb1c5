package org.afyadial.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks phone numbers wherever they appear in a text that goes to a log:
 * {@code +254712345678} becomes {@code +2547****5678}. Also catches the URL-encoded
 * form ({@code %2B254...}) found in webhook query strings and form bodies.
 */
public final class PhoneMask {

    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(\\+|%2B)?(\\d{4})\\d{1,7}(\\d{4})(?!\\d)");

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
            m.appendReplacement(out, Matcher.quoteReplacement(plus + m.group(2) + "****" + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
