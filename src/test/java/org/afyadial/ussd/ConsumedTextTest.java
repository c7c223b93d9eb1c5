package org.afyadial.ussd;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a hop's text stands to what the session read, PINs masked. */
class ConsumedTextTest {

    @ParameterizedTest(name = "{0} then \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''             | ''              | SAME
            ''             | 1               | EXTENDS
            1*5*####       | 1*5*1234        | SAME
            1*5*####       | 1*5*9999        | SAME
            1*5*####       | 1*5*1234*1      | EXTENDS
            1*5*1*1*1      | 1               | EARLIER
            1*5*1*1*1      | ''              | EARLIER
            1*5*1*1*1      | 1*5*1           | EARLIER
            1*5*1*1*1      | 1*5*1*1*1*2     | EXTENDS
            1*5*1*1*1      | 1*5*2           | OTHER
            1*15           | 1*1             | OTHER
            1              | 2               | OTHER
            1              | 12              | OTHER
            """)
    void relates(String consumed, String text, ConsumedText.Relation expected) {
        assertEquals(expected, ConsumedText.relate(consumed, text));
    }

    @ParameterizedTest(name = "{0} then \"{1}\", PIN {3} -> {4}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            ''       | 1234        | 1234 | true  | ####
            1*5      | 1*5*1234    | 1234 | true  | 1*5*####
            1*5      | 1*5*Amina   | Amina| false | 1*5*Amina
            1*5      | 7*0000*2    | 2    | false | #*####*2
            """)
    void recordsWhatWasReadWithPinsMasked(String consumed, String text, String input, boolean secret, String expected) {
        ConsumedText.Relation relation = ConsumedText.relate(consumed, text);
        assertEquals(input, ConsumedText.newestInput(consumed, text, relation));
        assertEquals(expected, ConsumedText.after(consumed, text, relation, input, secret));
    }
}
