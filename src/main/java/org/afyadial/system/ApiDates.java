package org.afyadial.system;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.MutableConversionService;
import io.micronaut.core.convert.TypeConverter;
import io.micronaut.core.convert.TypeConverterRegistrar;
import jakarta.inject.Singleton;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Dates in query parameters are ISO-8601 with a four-digit year (0001-9999). Java reads years up to a
 * billion, which the store's dates, the clinic's calendars and the week arithmetic cannot hold: such a
 * date failed deep inside with a 500; refused at the door it is a 400 naming the parameter.
 */
@Singleton
class ApiDates implements TypeConverterRegistrar {

    static final int FIRST_YEAR = 1;
    static final int LAST_YEAR = 9999;

    @Override
    public void register(MutableConversionService conversions) {
        TypeConverter<CharSequence, Instant> instant = (text, type, context) ->
                read(text, context, Instant::parse, at -> at.atOffset(ZoneOffset.UTC).getYear());
        TypeConverter<CharSequence, LocalDate> date = (text, type, context) ->
                read(text, context, LocalDate::parse, LocalDate::getYear);
        conversions.addConverter(CharSequence.class, Instant.class, instant);
        conversions.addConverter(String.class, Instant.class, instant::convert);
        conversions.addConverter(CharSequence.class, LocalDate.class, date);
        conversions.addConverter(String.class, LocalDate.class, date::convert);
    }

    /** A rejected text is a conversion error (400), not an absent value that an optional filter would drop. */
    private static <T> Optional<T> read(CharSequence text, ConversionContext context,
                                        Function<CharSequence, T> parse, ToIntFunction<T> yearOf) {
        try {
            T value = parse.apply(text);
            int year = yearOf.applyAsInt(value);
            if (year < FIRST_YEAR || year > LAST_YEAR) {
                throw new DateTimeException("year " + year + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
            }
            return Optional.of(value);
        } catch (DateTimeException e) {
            context.reject(text, e);
            return Optional.empty();
        }
    }
}
