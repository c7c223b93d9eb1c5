package org.afyadial.patients;

import at.favre.lib.crypto.bcrypt.BCrypt;

import java.util.regex.Pattern;

/** Four-digit USSD PINs, of patients and of staff on the phone, kept only as bcrypt hashes. */
public final class Pins {

    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final int COST = 10;

    private Pins() {
    }

    public static String hash(String pin) {
        if (pin == null || !FOUR_DIGITS.matcher(pin).matches()) {
            throw new InvalidPin();
        }
        return BCrypt.withDefaults().hashToString(COST, pin.toCharArray());
    }

    public static boolean matches(String pin, String hash) {
        return pin != null && hash != null && BCrypt.verifyer().verify(pin.toCharArray(), hash).verified;
    }
}
