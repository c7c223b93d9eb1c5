package org.afyadial.system;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.support.serdes.InstantSerde;
import io.micronaut.serde.support.serdes.LocalDateSerde;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.ToIntFunction;

/**
 * Dates in request bodies hold the same years as dates in query parameters ({@link ApiDates}): every
 * request DTO's {@code Instant} and {@code LocalDate} is read here, so a year such as +1000000000 is a
 * 400 naming the field instead of a 500 from deep inside. The framework's readers do the parsing.
 */
@Factory
class JsonDates {

    @Singleton
    @Primary
    Deserializer<Instant> instants(SerdeConfiguration configuration) {
        return new YearChecked<>(new InstantSerde(configuration), at -> at.atOffset(ZoneOffset.UTC).getYear());
    }

    @Singleton
    @Primary
    Deserializer<LocalDate> dates(SerdeConfiguration configuration) {
        return new YearChecked<>(new LocalDateSerde(configuration), LocalDate::getYear);
    }

    private record YearChecked<T>(Deserializer<T> reader, ToIntFunction<T> yearOf) implements Deserializer<T> {

        @Override
        public Deserializer<T> createSpecific(DecoderContext context, Argument<? super T> type) throws SerdeException {
            Deserializer<T> specific = reader.createSpecific(context, type);
            return specific == reader ? this : new YearChecked<>(specific, yearOf);
        }

        @Override
        public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            return checked(decoder, reader.deserialize(decoder, context, type));
        }

        @Override
        public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
            T value = reader.deserializeNullable(decoder, context, type);
            return value == null ? null : checked(decoder, value);
        }

        @Override
        public boolean allowNull() {
            return reader.allowNull();
        }

        private T checked(Decoder decoder, T value) throws IOException {
            int year = yearOf.applyAsInt(value);
            if (year < ApiDates.FIRST_YEAR || year > ApiDates.LAST_YEAR) {
                throw decoder.createDeserializationException(
                        "year " + year + " is outside " + ApiDates.FIRST_YEAR + "-" + ApiDates.LAST_YEAR, null);
            }
            return value;
        }
    }
}
