package org.afyadial.ussd;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What an action sees of the conversation: who is calling, the values collected so far, the input just typed. */
public final class ActionContext {

    static final int MAX_WRONG_PINS = 3;
    static final Duration PIN_LOCK = Duration.ofMinutes(15);

    private final UssdSession session;
    private final String input;
    private final Instant now;
    private final PhoneLock lock;

    ActionContext(UssdSession session, String input, Instant now, PhoneLock lock) {
        this.session = session;
        this.input = input;
        this.now = now;
        this.lock = lock;
    }

    /**
     * How many of the screens {@code 0} would go back through are one of these states: where the caller is in a
     * sequence of screens, which stays right when they go back.
     */
    public int passed(Set<String> states) {
        return (int) session.stack.stream().filter(states::contains).count();
    }

    public String phone() {
        return session.phone;
    }

    public String sessionId() {
        return session.id;
    }

    /** The caller's mobile network ({@code 63902}), when the provider names it. */
    public Optional<String> networkCode() {
        return Optional.ofNullable(session.networkCode);
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

    /**
     * Records that the caller typed {@code subject}'s PIN right on this screen: it is proved for the rest of the
     * USSD session, and a resumed session asks it again on this screen before anything else.
     */
    public void pinVerified(String subject) {
        session.values.put(UssdSession.PIN_PROOF, subject);
        session.values.put(UssdSession.PIN_ASKED_AT, session.state);
    }

    /** Records that the caller has just chosen {@code subject}'s PIN; a resumed session goes back to its menu. */
    public void pinChosen(String subject) {
        session.values.put(UssdSession.PIN_PROOF, subject);
    }

    /** Whose PIN was proved in this USSD session; never carried into a resumed one. */
    public Optional<String> pinProvedFor() {
        return value(UssdSession.PIN_PROOF);
    }

    /** Whether USSD access from this phone is locked now, by failures counted in this USSD session or any other. */
    public boolean phoneLocked() {
        return lock.lockedAt(now);
    }

    /**
     * Counts a wrong PIN, patient's or staff's, under the one lockout of USSD PINs: the third in a row locks the
     * phone for 15 minutes (the {@code pinLocked} screen says so). True when this one locked it.
     */
    public boolean countWrongPin() {
        return lock.countFailure(now, MAX_WRONG_PINS, PIN_LOCK);
    }

    /** Forgets the phone's failures; a lock in force stays. */
    public void clearPhoneFailures() {
        lock.clearFailures();
    }
}
