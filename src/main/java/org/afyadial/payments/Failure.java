package org.afyadial.payments;

/** Why money did not move, in the words the patient is told (SMS templates {@code payment-failure-<reason>}). */
public enum Failure {
    CANCELLED, INSUFFICIENT_FUNDS, TIMED_OUT, REFUSED;

    String templateKey() {
        return "payment-failure-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
