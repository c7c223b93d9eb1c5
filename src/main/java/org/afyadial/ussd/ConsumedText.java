package org.afyadial.ussd;

/**
 * What a session has read of its text: the inputs so far joined by {@code *}, as the provider sends them, with
 * every character of a PIN (and of anything that could hold one) replaced by {@link #MASK}. It tells a new hop from
 * a copy of an earlier one without keeping anything derived from a PIN: a digest of the whole text could be
 * reversed by trying the 10,000 PINs. A masked character matches any character; {@code #} ends a USSD string on
 * the handset, so it never occurs in a typed input.
 */
final class ConsumedText {

    static final char MASK = '#';

    private ConsumedText() {
    }

    /** How a hop's text stands to what the session has read. */
    enum Relation {
        /** The text the session last read: a retransmission of the latest hop. */
        SAME,
        /** A copy of an earlier hop of the session: a late retransmission. */
        EARLIER,
        /** What the session read, {@code *}, and one new input. */
        EXTENDS,
        /** Anything else, as some operators send: read by its last segment. */
        OTHER
    }

    static Relation relate(String consumed, String text) {
        if (text.length() == consumed.length() && matches(consumed, text, text.length())) {
            return Relation.SAME;
        }
        if (consumed.isEmpty()) {
            return Relation.EXTENDS;
        }
        if (text.length() > consumed.length()) {
            return text.charAt(consumed.length()) == '*' && matches(consumed, text, consumed.length())
                    ? Relation.EXTENDS : Relation.OTHER;
        }
        boolean atHop = text.length() < consumed.length() && (text.isEmpty() || consumed.charAt(text.length()) == '*');
        return atHop && matches(consumed, text, text.length()) ? Relation.EARLIER : Relation.OTHER;
    }

    /** The input this hop brings, given its relation ({@link Relation#EXTENDS} or {@link Relation#OTHER}). */
    static String newestInput(String consumed, String text, Relation relation) {
        if (relation == Relation.EXTENDS) {
            return consumed.isEmpty() ? text : text.substring(consumed.length() + 1);
        }
        return text.substring(text.lastIndexOf('*') + 1);
    }

    /**
     * What the session has read after this hop's input. For a text of another shape, everything before its last
     * segment is masked, as nothing says which of it was a PIN.
     */
    static String after(String consumed, String text, Relation relation, String input, boolean secret) {
        String typed = secret ? mask(input) : input;
        if (relation == Relation.OTHER) {
            int last = text.lastIndexOf('*');
            return last < 0 ? typed : mask(text.substring(0, last)) + '*' + typed;
        }
        return consumed.isEmpty() ? typed : consumed + '*' + typed;
    }

    private static boolean matches(String consumed, String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = consumed.charAt(i);
            if (c != MASK && c != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Every character but the separators masked. */
    static String mask(String input) {
        StringBuilder masked = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            masked.append(input.charAt(i) == '*' ? '*' : MASK);
        }
        return masked.toString();
    }
}
