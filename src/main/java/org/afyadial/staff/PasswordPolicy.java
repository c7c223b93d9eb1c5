package org.afyadial.staff;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.afyadial.system.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a staff password must be beyond its length (checked by the request's own constraints):
 * not only spaces, not one character repeated, not a common password (the list in
 * {@code staff/common-passwords.txt}) and not containing the username. Checked where a password
 * is chosen: a new account and a reset.
 */
@Singleton
class PasswordPolicy {

    private static final String COMMON_LIST = "staff/common-passwords.txt";

    static final class WeakPassword extends ProblemException {
        WeakPassword(String reason) {
            super(HttpStatus.BAD_REQUEST, "password", reason);
        }
    }

    private final Set<String> common = load();

    void check(String username, String password) {
        String folded = password.toLowerCase(Locale.ROOT);
        if (password.isBlank()) {
            throw new WeakPassword("must not be only spaces");
        }
        if (password.codePoints().distinct().count() == 1) {
            throw new WeakPassword("must not be one character repeated");
        }
        if (common.contains(folded.strip())) {
            throw new WeakPassword("is a commonly used password; choose a longer phrase of your own");
        }
        if (folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw new WeakPassword("must not contain the username");
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + COMMON_LIST + " in the jar");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
