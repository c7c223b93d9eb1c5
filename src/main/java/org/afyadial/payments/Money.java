package org.afyadial.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts as integer minor units of their currency (cents of KES, none for UGX): never a double. */
public final class Money {

    private Money() {
    }

    /** The amount in minor units; refuses fractions the currency does not have. */
    public static long minorUnits(BigDecimal amount, String currency) {
        return amount.setScale(digits(currency), RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** The amount in the currency's units, with as many decimals as the currency has ({@code 500.00}, {@code 5000}). */
    public static BigDecimal major(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, digits(currency));
    }

    /** How people read it: {@code KES 500}, {@code KES 499.50}. */
    public static String format(long minorUnits, String currency) {
        BigDecimal value = major(minorUnits, currency);
        String shown = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0
                ? value.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : value.toPlainString();
        return currency + " " + shown;
    }

    private static int digits(String currency) {
        return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }
}
