package org.afyadial.ussd;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped flow, in every language, through {@code POST /at/ussd}: the table
 * {@code src/test/resources/ussd-conversations.psv} lists what the patient types and the screen expected.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UssdConversationTest {

    private static final List<String> LANGUAGES = List.of("en", "fr", "sw");
    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ClinicFixture clinic;

    /** Monday 08:10 in Nairobi. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** Row of the table: input, then one expected pattern per language. */
    private record Hop(int line, String input, List<String> expected) {
    }

    @BeforeAll
    void openTheClinic() {
        clinic.doctor("Kamau", "General Medicine", "kamau");
        clinic.doctor("Wanjiru", "General Medicine", "wanjiru");
        clinic.doctor("Odhiambo", "Paediatrics", "odhiambo");
    }

    @ParameterizedTest(name = "conversation in {0}")
    @ValueSource(strings = {"en", "fr", "sw"})
    void everyFlowInEveryLanguage(String language) throws IOException {
        int index = LANGUAGES.indexOf(language);
        UssdPhone phone = null;
        for (Hop hop : table()) {
            String input = switch (hop.input()) {
                case "LANG" -> String.valueOf(index + 1);
                case "NEXTLANG" -> String.valueOf((index + 1) % LANGUAGES.size() + 1);
                default -> hop.input();
            };
            String answer;
            if (input.equals("NEW")) {
                phone = new UssdPhone(client.toBlocking(), "+2547330%05d".formatted(PHONES.incrementAndGet()));
                answer = phone.dial();
            } else if (input.equals("DIAL")) {
                answer = phone.dial();
            } else {
                answer = phone.type(input);
            }
            String expected = hop.expected().get(index);
            assertTrue(Pattern.compile("^" + expected).matcher(answer).find(),
                    () -> "line " + hop.line() + ", typed '" + hop.input() + "' in " + language + ":\n" + answer
                            + "\n--- expected ---\n" + expected);
        }
    }

    private static List<Hop> table() throws IOException {
        try (InputStream in = UssdConversationTest.class.getResourceAsStream("/ussd-conversations.psv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            java.util.ArrayList<Hop> hops = new java.util.ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                hops.add(new Hop(i + 1, cells[0].strip(), List.of(cells[1].strip(), cells[2].strip(), cells[3].strip())));
            }
            return hops;
        }
    }
}
