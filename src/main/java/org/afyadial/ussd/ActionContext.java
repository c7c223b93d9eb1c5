package org.afyadial.ussd;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What an action sees of the conversation: who is calling, the values collected so far, the input just typed. */
public final class ActionContext {

    private final UssdSession session;
    private final String input;
    private final Instant now;

    ActionContext(UssdSession session, String input, Instant now) {
        this.session = session;
        this.input = input;
        this.now = now;
    }

    public String phone() {
        return session.phone;
    }

    public String sessionId() {
        return session.id;
    }

    public Instant now() {
        return now;
    }

    public String language() {
        return session.language;
    }

    public void useLanguage(String language) {
        session.language = language;
    }

    /** The input typed on this screen (a PIN is only ever available here, never stored). */
    public String input() {
        return input;
    }

    public Optional<String> value(String key) {
        return Optional.ofNullable(session.values.get(key));
    }

    public String require(String key) {
        return value(key).orElseThrow(() -> new IllegalStateException("The flow has not collected '" + key + "'"));
    }

    public void put(String key, String value) {
        session.values.put(key, Objects.requireNonNull(value, () -> "No value for '" + key + "'"));
    }

    public void putAll(Map<String, String> values) {
        session.values.putAll(values);
    }

    public void remove(String key) {
        session.values.remove(key);
    }
}
