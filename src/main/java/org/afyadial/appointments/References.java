package org.afyadial.appointments;

/**
 * Short references patients can read out and type: {@code AFD-} and five characters without the
 * 0/O, 1/I/L look-alikes. Each comes from a sequence number scrambled by a multiplication that is
 * a bijection modulo 31^5, so references are unique for 28 million bookings yet not guessable in order.
 */
final class References {

    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LENGTH = 5;
    private static final long SPACE = 28_629_151L; // 31^5
    private static final long SCRAMBLE = 17_624_813L; // coprime with 31, so n -> n * SCRAMBLE mod SPACE is one-to-one

    private References() {
    }

    static String of(long sequence) {
        long n = Math.floorMod(sequence * SCRAMBLE, SPACE);
        char[] code = new char[LENGTH];
        for (int i = LENGTH - 1; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (n % ALPHABET.length()));
            n /= ALPHABET.length();
        }
        return "AFD-" + new String(code);
    }
}
