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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
        for (ConversationTable.Hop hop : ConversationTable.read("/ussd-conversations.psv")) {
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
            hop.check(answer, index, language);
        }
    }
}
