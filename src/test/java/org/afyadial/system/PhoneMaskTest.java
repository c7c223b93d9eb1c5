package org.afyadial.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PhoneMaskTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            +254712345678                          | +2547****5678
            sms to +254712345678 failed            | sms to +2547****5678 failed
            phoneNumber=%2B254712345678&text=1*2   | phoneNumber=%2B2547****5678&text=1*2
            256772123456                           | 2567****3456
            +254712345678,+256772123456            | +2547****5678,+2567****3456
            booking AFD-PT-000123 at 10:30         | booking AFD-PT-000123 at 10:30
            code 12345678                          | code 12345678
            """)
    void masksEveryPhoneNumberAndNothingElse(String logged, String expected) {
        assertEquals(expected, PhoneMask.mask(logged));
    }
}
