package org.afyadial.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every response carries a request id, every problem document quotes it, and the request's log context holds it. */
@MicronautTest(transactional = false)
@Property(name = "test.mdc-probe", value = "true")
class RequestIdsTest {

    private static final String GENERATED = "[0-9a-f]{16}";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @ParameterizedTest(name = "{0} is kept")
    @ValueSource(strings = {"lb-7f3a9c", "0b9e4a12-5c2d-4c8e-9f1a-2b3c4d5e6f70", "req.42:a_b"})
    void aSaneIncomingIdIsKept(String given) {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/health").header(RequestIds.HEADER, given), String.class);
        assertEquals(given, response.header(RequestIds.HEADER));
    }

    @ParameterizedTest(name = "[{0}] is replaced")
    @NullSource
    @ValueSource(strings = {"", "has spaces", "<script>", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void anyOtherGetsAFreshId(String given) {
        MutableHttpRequest<?> request = HttpRequest.GET("/health");
        if (given != null) {
            request.header(RequestIds.HEADER, given);
        }
        String id = client.toBlocking().exchange(request, String.class).header(RequestIds.HEADER);
        assertTrue(id.matches(GENERATED), id);
        assertNotEquals(id, client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).header(RequestIds.HEADER));
    }

    @Test
    void aProblemQuotesTheRequestId() throws IOException {
        HttpClientResponseException refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/api/v1/patients").header(RequestIds.HEADER, "clinic-call-1"), String.class));
        assertEquals(401, refused.code());
        assertEquals("clinic-call-1", refused.getResponse().header(RequestIds.HEADER));
        JsonNode problem = json.readValue(refused.getResponse().getBody(String.class).orElseThrow(), JsonNode.class);
        assertEquals("clinic-call-1", problem.get("requestId").getStringValue());
    }

    @Test
    void theRequestIdIsInTheLogContextWhileTheRequestIsServed() {
        String seen = client.toBlocking().retrieve(HttpRequest.GET("/mdc-probe").header(RequestIds.HEADER, "logged-id-1"));
        assertEquals("logged-id-1", seen);
    }

    /** Answers the request id the log lines of a request served on a worker thread carry. */
    @Controller("/mdc-probe")
    @Requires(property = "test.mdc-probe")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class MdcProbe {
        @Get(produces = MediaType.TEXT_PLAIN)
        @ExecuteOn(TaskExecutors.BLOCKING)
        String requestId() {
            return MDC.get(RequestIds.MDC_KEY);
        }
    }
}
