package org.afyadial.ussd;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a typed input must look like. Types: {@code number} (min..max), {@code year} (1900..this year),
 * {@code date} (DDMMYYYY), {@code text} (pattern, maxLength), {@code pin} (4 digits, never stored).
 */
record InputRule(Type type, Long min, Long max, Pattern pattern, int maxLength) {

    enum Type {
        NUMBER("invalidNumber"), YEAR("invalidYear"), DATE("invalidDate"), TEXT("invalidText"), PIN("invalidPin");

        /** The key of the built-in message explaining a refusal. */
        final String messageKey;

        Type(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
    private static final Pattern PIN_DIGITS = Pattern.compile("\\d{4}");
    private static final DateTimeFormatter DAY_MONTH_YEAR =
            DateTimeFormatter.ofPattern("ddMMuuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The normalized value, or empty when the input is refused. */
    Optional<String> accept(String input, Clock clock) {
        String value = input.strip();
        return switch (type) {
            case NUMBER -> number(value).filter(n -> (min == null || n >= min) && (max == null || n <= max)).map(String::valueOf);
            case YEAR -> number(value).filter(y -> y >= 1900 && y <= Year.now(clock).getValue()).map(String::valueOf);
            case DATE -> date(value);
            case PIN -> PIN_DIGITS.matcher(value).matches() ? Optional.of(value) : Optional.empty();
            case TEXT -> !value.isEmpty() && value.length() <= maxLength && (pattern == null || pattern.matcher(value).matches())
                    ? Optional.of(value) : Optional.empty();
        };
    }

    private static Optional<Long> number(String value) {
        return DIGITS.matcher(value).matches() ? Optional.of(Long.parseLong(value)) : Optional.empty();
    }

    private static Optional<String> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value, DAY_MONTH_YEAR).toString());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
