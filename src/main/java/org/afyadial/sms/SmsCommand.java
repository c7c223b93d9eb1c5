package org.afyadial.sms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The words a patient may text, in English, French and Swahili, read case- and accent-insensitively
 * ("Arrêt", "arret" and "ARRET" are the same word). Anything else is not a command.
 */
enum SmsCommand {
    CONFIRM, CANCEL, STOP, START, HELP;

    /** What the patient typed, and the language it tells (null for digits and shared words). */
    record Read(SmsCommand command, String language) {
    }

    private static final Map<String, Read> WORDS = Map.ofEntries(
            Map.entry("1", new Read(CONFIRM, null)),
            Map.entry("YES", new Read(CONFIRM, "en")),
            Map.entry("OUI", new Read(CONFIRM, "fr")),
            Map.entry("NDIYO", new Read(CONFIRM, "sw")),
            Map.entry("NDIO", new Read(CONFIRM, "sw")),
            Map.entry("2", new Read(CANCEL, null)),
            Map.entry("CANCEL", new Read(CANCEL, "en")),
            Map.entry("ANNULER", new Read(CANCEL, "fr")),
            Map.entry("GHAIRI", new Read(CANCEL, "sw")),
            Map.entry("STOP", new Read(STOP, null)),
            Map.entry("ARRET", new Read(STOP, "fr")),
            Map.entry("ACHA", new Read(STOP, "sw")),
            Map.entry("START", new Read(START, null)),
            Map.entry("ANZA", new Read(START, "sw")),
            Map.entry("HELP", new Read(HELP, "en")),
            Map.entry("AIDE", new Read(HELP, "fr")),
            Map.entry("MSAADA", new Read(HELP, "sw")));

    static Optional<Read> read(String text) {
        return Optional.ofNullable(WORDS.get(normalize(text)));
    }

    /** Upper case, accents dropped, surrounding spaces and final punctuation removed. */
    static String normalize(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.strip().replaceAll("[.!?,;]+$", "").strip().toUpperCase(Locale.ROOT);
    }
}
