package org.afyadial.sms;

import java.text.Normalizer;
import java.util.Map;

/**
 * GSM-7 or UCS-2, and how many SMS a text costs. One character outside GSM-7 turns the whole
 * message into UCS-2 (70 characters instead of 160), so French and Swahili templates are
 * transliterated (ô→o, ç→c, ’→') when the setting is on.
 */
final class SmsEncoding {

    enum Encoding { GSM_7, UCS_2 }

    record Analysis(Encoding encoding, int segments) {
    }

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the GSM-7 extension table: each costs an escape plus itself. */
    private static final String EXTENDED = "^{}\\[~]|€\f";

    /** Replacements for common characters outside GSM-7; anything else loses its accent or becomes '?'. */
    private static final Map<Character, String> TRANSLITERATIONS = Map.ofEntries(
            Map.entry('’', "'"), Map.entry('‘', "'"), Map.entry('ʼ', "'"), Map.entry('`', "'"),
            Map.entry('“', "\""), Map.entry('”', "\""), Map.entry('«', "\""), Map.entry('»', "\""),
            Map.entry('…', "..."), Map.entry('–', "-"), Map.entry('—', "-"), Map.entry('\u00A0', " "),
            Map.entry('œ', "oe"), Map.entry('Œ', "OE"), Map.entry('ç', "c"));

    private SmsEncoding() {
    }

    static Analysis analyze(String text) {
        int gsmLength = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0) {
                gsmLength += 1;
            } else if (EXTENDED.indexOf(c) >= 0) {
                gsmLength += 2;
            } else {
                return new Analysis(Encoding.UCS_2, segments(text.length(), 70, 67));
            }
        }
        return new Analysis(Encoding.GSM_7, segments(gsmLength, 160, 153));
    }

    private static int segments(int length, int single, int perPart) {
        return length <= single ? 1 : (length + perPart - 1) / perPart;
    }

    /** The closest GSM-7 text: characters already in GSM-7 (é, è, à, Ç...) are kept as they are. */
    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) >= 0 || EXTENDED.indexOf(c) >= 0) {
                out.append(c);
            } else if (TRANSLITERATIONS.containsKey(c)) {
                out.append(TRANSLITERATIONS.get(c));
            } else {
                out.append(withoutAccent(c));
            }
        }
        return out.toString();
    }

    private static String withoutAccent(char c) {
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        boolean representable = !base.isEmpty() && base.chars().allMatch(b -> BASIC.indexOf(b) >= 0);
        return representable ? base : "?";
    }
}
