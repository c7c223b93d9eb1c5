package org.afyadial.metrics;

import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.at.FakeAtServer;
import org.afyadial.sms.FakeAtProperties;
import org.afyadial.sms.SmsDispatcher;
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /metrics: who may scrape it, and that a USSD booking moves the counters it should. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "afyadial.metrics.token", value = MetricsEndpointTest.TOKEN)
class MetricsEndpointTest implements TestPropertyProvider {

    static final String TOKEN = "scrape-token-for-tests";
    private static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/afyadial.json");
    /** A metric selector in a query: a name followed by its labels or its range, e.g. {@code foo_total[5m]}. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");

    private final FakeAtServer fakeAt = new FakeAtServer();

    @Override
    public Map<String, String> getProperties() {
        return FakeAtProperties.pointingAt(fakeAt);
    }

    @BeforeAll
    void openTheClinic() {
        clinic.doctor("Kamau", "General Medicine", "kamau-metrics");
    }

    @AfterAll
    void stopFakeAt() {
        fakeAt.close();
    }

    @Inject
    SmsDispatcher dispatcher;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ClinicFixture clinic;

    @Inject
    StaffTokens staff;

    /** Monday 08:10 in Nairobi. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private BlockingHttpClient http() {
        return client.toBlocking();
    }

    Scrape scrape() {
        HttpResponse<String> response = http().exchange(HttpRequest.GET("/metrics").bearerAuth(TOKEN), String.class);
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/plain"));
        return Scrape.parse(response.body());
    }

    @Test
    void aUssdBookingMovesTheCounters() {
        Scrape before = scrape();
        book("+254711000901");
        Scrape after = scrape();

        assertEquals(1, after.sum("afyadial_ussd_sessions_started_total") - before.sum("afyadial_ussd_sessions_started_total"));
        assertEquals(1, after.sum("afyadial_ussd_sessions_ended_total") - before.sum("afyadial_ussd_sessions_ended_total"));
        assertEquals(15, after.sum("afyadial_ussd_hop_seconds_count") - before.sum("afyadial_ussd_hop_seconds_count"));
        assertTrue(after.sum("afyadial_ussd_hop_seconds_count", "state=\"book.confirm\"", "outcome=\"continue\"") >= 1,
                () -> after.series().keySet().stream().filter(k -> k.startsWith("afyadial_ussd_hop_seconds_count")).toList().toString());
        assertEquals(1, after.sum("afyadial_bookings_total", "channel=\"ussd\"") - before.sum("afyadial_bookings_total", "channel=\"ussd\""));
        assertTrue(after.sum("afyadial_sms_queued_total") > before.sum("afyadial_sms_queued_total"), "the confirmation SMS");
        assertTrue(after.sum("afyadial_store_command_seconds_count", "command=\"insert\"")
                > before.sum("afyadial_store_command_seconds_count", "command=\"insert\""));
        for (String exported : new String[] {"jvm_memory_used_bytes", "afyadial_sms_outbox_due_messages",
                "afyadial_sms_outbox_oldest_due_age_seconds", "resilience4j_circuitbreaker_state",
                "afyadial_webhook_rejections_total", "afyadial_sms_inbound_total", "afyadial_sms_failed_total"}) {
            assertTrue(after.has(exported), exported + " in " + after.names());
        }

        dispatcher.dispatchDue();
        Scrape sent = scrape();
        assertTrue(sent.sum("afyadial_sms_sent_total") > after.sum("afyadial_sms_sent_total"));
        assertTrue(sent.sum("afyadial_at_sms_request_seconds_count", "status_code=\"101\"") >= 1, () -> sent.names().toString());
    }

    @Test
    void theDashboardQueriesOnlyMetricsTheServiceExports() throws IOException {
        book("+254711000902");
        dispatcher.dispatchDue();
        Scrape exported = scrape();
        List<String> queries = new ArrayList<>();
        collectQueries(json.readValue(Files.readAllBytes(DASHBOARD), JsonNode.class), queries);
        assertTrue(queries.size() > 10, queries::toString);
        for (String query : queries) {
            Matcher selector = SELECTOR.matcher(query);
            assertTrue(selector.find(), () -> "no metric selector in " + query);
            do {
                String metric = selector.group(1);
                assertTrue(exported.has(metric), () -> metric + " (in " + query + ") is not exported: " + exported.names());
            } while (selector.find());
        }
    }

    private static void collectQueries(JsonNode node, List<String> queries) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.entries()) {
                if (entry.getKey().equals("expr")) {
                    queries.add(entry.getValue().getStringValue());
                } else {
                    collectQueries(entry.getValue(), queries);
                }
            }
        } else if (node.isArray()) {
            node.values().forEach(child -> collectQueries(child, queries));
        }
    }

    /** Registers a patient on a fresh phone and books the first free time, through POST /at/ussd. */
    private void book(String number) {
        UssdPhone phone = new UssdPhone(http(), number);
        phone.dial();
        for (String input : new String[] {"1", "Amina", "Otieno", "1990", "1", "1234", "1234", "1", "1", "1", "1", "1", "1"}) {
            phone.type(input);
        }
        String booked = phone.type("1");
        assertTrue(booked.startsWith("END Booked"), booked);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nobody              | 401
            wrong-token         | 401
            metrics-token       | 200
            ADMIN               | 200
            DOCTOR              | 403
            """)
    void onlyTheTokenAndAdminsMayScrape(String caller, int expected) {
        HttpRequest<?> request = HttpRequest.GET("/metrics");
        switch (caller) {
            case "nobody" -> { }
            case "wrong-token" -> request = HttpRequest.GET("/metrics").bearerAuth(TOKEN + "x");
            case "metrics-token" -> request = HttpRequest.GET("/metrics").bearerAuth(TOKEN);
            default -> request = HttpRequest.GET("/metrics").bearerAuth(staff.bearer("metrics-" + caller.toLowerCase(), Role.valueOf(caller)));
        }
        int status;
        try {
            status = http().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            status = e.code();
            assertTrue(e.getResponse().getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        }
        assertEquals(expected, status);
    }
}
