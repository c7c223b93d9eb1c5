package org.afyadial.sms;

import org.afyadial.system.ClinicSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GSM-7 or UCS-2, segment counts, transliteration, and templates that fit one SMS. */
class SmsEncodingTest {

    @ParameterizedTest(name = "{0} chars of ''{1}'' -> {2}, {3} segment(s)")
    @CsvSource(textBlock = """
            # repeat, text,  encoding, segments
            160,      a,     GSM_7,    1
            161,      a,     GSM_7,    2
            306,      a,     GSM_7,    2
            307,      a,     GSM_7,    3
            80,       €,     GSM_7,    1
            81,       €,     GSM_7,    2
            70,       ô,     UCS_2,    1
            71,       ô,     UCS_2,    2
            134,      ô,     UCS_2,    2
            135,      ô,     UCS_2,    3
            1,        fièvre, GSM_7,   1
            1,        reçu,  UCS_2,    1
            """)
    void encodingAndSegments(int repeat, String text, SmsEncoding.Encoding encoding, int segments) {
        SmsEncoding.Analysis analysis = SmsEncoding.analyze(text.repeat(repeat));
        assertEquals(encoding, analysis.encoding());
        assertEquals(segments, analysis.segments());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hôpital                   | hopital
            reçu                      | recu
            l’hôpital « Sainte-Anne » | l'hopital " Sainte-Anne "
            fièvre, éte, à, Ç, É      | fièvre, éte, à, Ç, É
            Œuvre… — fin              | OEuvre... - fin
            Île Ûbe Ê                 | Ile Ube E
            泰                        | ?
            """)
    void transliterationKeepsGsmCharactersAndReplacesTheOthers(String text, String expected) {
        String transliterated = SmsEncoding.transliterate(text);
        assertEquals(expected, transliterated);
        assertEquals(SmsEncoding.Encoding.GSM_7, SmsEncoding.analyze(transliterated).encoding());
    }

    @Test
    void everyTemplateFitsOneGsmSmsOnceTransliterated() {
        SmsTemplates templates = new SmsTemplates(new ClinicSettings("AfyaDial Clinic", ZoneId.of("Africa/Nairobi"), "KE", "KES"));
        Map<String, String> typical = Map.of("doctor", "Dr Wanjiku Kamau", "date", "Mon 12 Mar", "time", "14:30",
                "reason", "too late to cancel", "drug", "Amoxicillin", "dose", "500 mg");
        for (String language : templates.languages()) {
            for (String key : templates.keys(language)) {
                String text = SmsEncoding.transliterate(templates.render(language, key, typical));
                SmsEncoding.Analysis analysis = SmsEncoding.analyze(text);
                assertEquals(SmsEncoding.Encoding.GSM_7, analysis.encoding(), language + "/" + key);
                assertTrue(analysis.segments() <= (key.equals("cancel-refused") ? 2 : 1), language + "/" + key + " is " + text.length() + " characters: " + text);
            }
        }
    }
}
