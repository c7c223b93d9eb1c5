package org.afyadial.payments;

import jakarta.inject.Singleton;

import java.security.SecureRandom;

/**
 * Bill references a person reads aloud and types on a keypad ({@code B7K2Q}): {@code B} and four characters
 * without 0/O and 1/I, drawn at random. The unique index on {@code bills.reference} keeps them unique; a draw
 * already taken is drawn again.
 */
@Singleton
class BillReferences {

    private static final String KEYPAD_SAFE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int DRAWN = 4;

    private final SecureRandom random = new SecureRandom();

    /** Public so that tests can replace it (@MockBean proxies only intercept public methods). */
    public String draw() {
        StringBuilder reference = new StringBuilder("B");
        for (int i = 0; i < DRAWN; i++) {
            reference.append(KEYPAD_SAFE.charAt(random.nextInt(KEYPAD_SAFE.length())));
        }
        return reference.toString();
    }
}
