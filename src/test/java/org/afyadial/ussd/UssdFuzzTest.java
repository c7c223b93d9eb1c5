package org.afyadial.ussd;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random {@code text} values on the shipped menus: long, runs of {@code *}, emoji, control characters, 10 KB,
 * and plausible continuations of live sessions. Every answer must be 200, start with {@code CON }/{@code END },
 * and fit the screen ({@link UssdPhone#post} checks all three).
 */
@MicronautTest(transactional = false)
class UssdFuzzTest {

    private static final String[] PHONES = {"+254711900001", "+254711900002", "+254711900003"};

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ClinicFixture clinic;

    @Test
    void everyAnswerKeepsTheWireContract() {
        clinic.doctor("Fuzz", "General Medicine", "fuzz");
        clinic.patient("Known", PHONES[0]);
        Random random = new Random(20261121L);
        UssdPhone poster = new UssdPhone(client.toBlocking(), PHONES[0]);
        Map<String, String> texts = new HashMap<>();
        Supplier<String> digits = () -> String.valueOf(random.nextInt(12));
        for (int i = 0; i < 600; i++) {
            String session = "ATUid_fuzz_" + random.nextInt(40);
            String previous = texts.getOrDefault(session, "");
            String text = switch (random.nextInt(9)) {
                case 0 -> "x".repeat(10_240);
                case 1 -> "*".repeat(1 + random.nextInt(300));
                case 2 -> "\uD83D\uDE00\uD83C\uDFE5*\uD83D\uDC8A" + digits.get();
                case 3 -> "\u0000\u0001\u0007\b\t\n\r\u001b[2J" + digits.get();
                case 4 -> randomUnicode(random, 1 + random.nextInt(200));
                case 5 -> previous.isEmpty() ? digits.get() : previous + "*" + randomUnicode(random, 1 + random.nextInt(5));
                case 6 -> "";
                default -> previous.isEmpty() ? digits.get() : previous + "*" + digits.get();
            };
            texts.put(session, text);
            poster.post(UssdPhone.form(session, PHONES[random.nextInt(PHONES.length)], text));
        }
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        while (out.length() < length) {
            int codePoint = random.nextInt(0x1_0000 + 0x1000);
            if (codePoint < 0xD800 || codePoint > 0xDFFF) {
                out.appendCodePoint(codePoint);
            }
        }
        return out.toString();
    }
}
