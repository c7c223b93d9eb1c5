package org.afyadial.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Numbers as patients, staff and AT write them, in a Kenyan clinic; asked twice, since answers are remembered. */
class PhoneNumbersTest {

    private final PhoneNumbers numbers = new PhoneNumbers(new ClinicSettings("Clinic", ZoneId.of("Africa/Nairobi"), "KE", "KES"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            +254712345678        | +254712345678
            0712 345 678         | +254712345678
            254712345678         | +254712345678
            +255 754 123 456     | +255754123456
            12                   | none
            not a number         | none
            +2547123456789999999 | none
            """)
    void normalizesToE164(String raw, String expected) {
        assertEquals(Optional.ofNullable(expected), numbers.toE164(raw));
        assertEquals(Optional.ofNullable(expected), numbers.toE164(raw), "asked again");
    }
}
