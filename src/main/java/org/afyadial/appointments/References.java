package org.afyadial.appointments;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Short references patients can read out and type: {@code AFD-} and five characters without the
 * 0/O, 1/I/L look-alikes, drawn at random from the 28 million there are, so that they cannot be
 * guessed from one another. Uniqueness comes from the unique index on {@code appointments.reference}:
 * a booking whose draw is taken draws again.
 */
@Singleton
class References {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 5;
    private static final long SPACE = 28_629_151L; // 31^5

    private final SecureRandom random = new SecureRandom();

    /** Public so that tests can replace it (@MockBean proxies only intercept public methods). */
    public String draw() {
        long n = random.nextLong(SPACE);
        char[] code = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (n % ALPHABET.length()));
            n /= ALPHABET.length();
        }
        return "AFD-" + new String(code);
    }
}
