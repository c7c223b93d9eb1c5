package org.afyadial.ussd;

import java.util.List;
import java.util.Map;

/**
 * Every flow, parsed once at startup.
 *
 * @param languages the languages every text must exist in; the first one is the default
 * @param start     the state a new session enters
 * @param messages  the engine's own texts (footer, errors, apology...), by key
 * @param states    every state by qualified id {@code flow.state}
 */
record Menus(List<String> languages, String start, Map<String, Localized> messages, Map<String, MenuState> states) {

    /** The engine's own texts; each must exist in every language. */
    static final List<String> MESSAGE_KEYS = List.of(
            "footer", "more", "invalidChoice", "invalidNumber", "invalidYear", "invalidDate", "invalidText",
            "invalidPin", "tooManyInvalid", "apology", "expired", "badRequest", "resume", "resumeContinue", "resumeStartOver",
            "unknownPhone", "otherPhone", "sessionLost");

    String defaultLanguage() {
        return languages.getFirst();
    }

    MenuState state(String id) {
        MenuState state = states.get(id);
        if (state == null) {
            throw new IllegalStateException("No USSD state " + id);
        }
        return state;
    }

    String message(String key, String language) {
        return messages.getOrDefault(key, Localized.NONE).in(language, defaultLanguage());
    }
}
