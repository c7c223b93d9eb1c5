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
            phone=0722 240 405                     | phone=0722****0405
            '?phone=0722%20240%20405&page=0'       | ?phone=0722****0405&page=0
            '?phone=0722+240+405'                  | ?phone=0722****0405
            call (0722) 240-405 now                | call 0722****0405 now
            +254 722-240-405                       | +2547****0405
            +254.722.240.405                       | +2547****0405
            patient 665f1c2e9b1e8a3d4c5b6a79       | patient 665f1c2e9b1e8a3d4c5b6a79
            at 2026-12-03T09:00:00Z in 12 ms       | at 2026-12-03T09:00:00Z in 12 ms
            """)
    void masksEveryPhoneNumberAndNothingElse(String logged, String expected) {
        assertEquals(expected, PhoneMask.mask(logged));
    }
}
