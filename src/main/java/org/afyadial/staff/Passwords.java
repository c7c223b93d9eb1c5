package org.afyadial.staff;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * bcrypt hashes of staff passwords. Passwords longer than bcrypt's 72 bytes are pre-hashed
 * (SHA-512) rather than cut, so every character counts.
 */
@Singleton
class Passwords {

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, new SecureRandom(), LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifier = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final int cost;
    /** Checked when the username is unknown, so that a wrong username takes as long as a wrong password. */
    private final String decoy;

    Passwords(AuthSettings settings) {
        this.cost = settings.bcryptCost();
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoy = hash(Base64.getEncoder().encodeToString(random));
    }

    String hash(String password) {
        return hasher.hashToString(cost, password.toCharArray());
    }

    boolean matches(String password, String hash) {
        return verifier.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    /** Spends the time of a real check, for a username that does not exist. */
    void matchDecoy(String password) {
        matches(password, decoy);
    }
}
