package org.afyadial.metrics;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /metrics: who may scrape it, and that a USSD booking moves the counters it should. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.metrics.token", value = MetricsEndpointTest.TOKEN)
class MetricsEndpointTest {

    static final String TOKEN = "scrape-token-for-tests";

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
        clinic.doctor("Kamau", "General Medicine", "kamau-metrics");
        Scrape before = scrape();
        UssdPhone phone = new UssdPhone(http(), "+254711000901");
        phone.dial();
        for (String input : new String[] {"1", "Amina", "Otieno", "1990", "1", "1234", "1", "1", "1", "1", "1", "1"}) {
            phone.type(input);
        }
        String booked = phone.type("1");
        assertTrue(booked.startsWith("END Booked"), booked);
        Scrape after = scrape();

        assertEquals(1, after.sum("afyadial_ussd_sessions_started_total") - before.sum("afyadial_ussd_sessions_started_total"));
        assertEquals(1, after.sum("afyadial_ussd_sessions_ended_total") - before.sum("afyadial_ussd_sessions_ended_total"));
        assertEquals(14, after.sum("afyadial_ussd_hop_seconds_count") - before.sum("afyadial_ussd_hop_seconds_count"));
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
