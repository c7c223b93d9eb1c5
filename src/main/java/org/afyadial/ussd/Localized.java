package org.afyadial.ussd;

import java.util.Map;

/** A text written once per language ({@code en}, {@code fr}, {@code sw}...). */
record Localized(Map<String, String> texts) {

    static final Localized NONE = new Localized(Map.of());

    String in(String language, String fallbackLanguage) {
        String text = texts.get(language);
        return text != null ? text : texts.getOrDefault(fallbackLanguage, "");
    }

    boolean isEmpty() {
        return texts.isEmpty();
    }
}
