package org.afyadial.system;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Through HTTP: errors are problem+json, duplicates are 409, nothing internal leaks, health shows the store. */
@MicronautTest(transactional = false)
class RestErrorsTest {

    @Inject
    @Client("/")
    HttpClient http;

    private BlockingHttpClient client() {
        return http.toBlocking();
    }

    private HttpClientResponseException failing(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> client().exchange(request, String.class));
    }

    @Test
    void aUniqueIndexRejectsADuplicateWith409() {
        var probe = Map.of("code", "X-1", "quantity", 1);
        assertEquals(HttpStatus.CREATED, client().exchange(HttpRequest.POST("/test/probes", probe)).getStatus());

        var duplicate = failing(HttpRequest.POST("/test/probes", probe));

        assertEquals(HttpStatus.CONFLICT, duplicate.getStatus());
        assertEquals(Problem.MEDIA_TYPE, duplicate.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> body = duplicate.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(409, body.get("status"));
        assertEquals("This record already exists", body.get("detail"));
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        var invalid = failing(HttpRequest.POST("/test/probes", Map.of("code", " ", "quantity", -3)));

        assertEquals(HttpStatus.BAD_REQUEST, invalid.getStatus());
        Map<?, ?> body = invalid.getResponse().getBody(Map.class).orElseThrow();
        List<?> errors = (List<?>) body.get("errors");
        assertEquals(List.of("code", "quantity"), errors.stream().map(e -> ((Map<?, ?>) e).get("field")).toList());
    }

    @Test
    void unreadableJsonIsA400Problem() {
        var broken = failing(HttpRequest.POST("/test/probes", "{\"code\": ").contentType("application/json"));

        assertEquals(HttpStatus.BAD_REQUEST, broken.getStatus());
        assertEquals(Problem.MEDIA_TYPE, broken.getResponse().getContentType().orElseThrow().toString());
        assertNamesNoLibrary(broken.getResponse().getBody(String.class).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"code\": ", "{\"code\": \"X\", \"quantity\": 1,}", "[1, 2", "{\"code\": 'x'}", "\u0000"})
    void malformedBodiesNameNoLibraryInternals(String body) {
        var broken = failing(HttpRequest.POST("/test/probes", body).contentType("application/json"));

        assertEquals(HttpStatus.BAD_REQUEST, broken.getStatus());
        assertNamesNoLibrary(broken.getResponse().getBody(String.class).orElseThrow());
    }

    private static void assertNamesNoLibrary(String problem) {
        for (String internal : List.of("Jackson", "jackson", "StreamReadFeature", "com.fasterxml", "io.micronaut", "Serde", "Exception")) {
            assertFalse(problem.contains(internal), problem);
        }
    }

    @Test
    void anUnexpectedFailureHidesItsInternals() {
        var failure = failing(HttpRequest.POST("/test/probes/boom", ""));

        assertEquals(HttpStatus.INTERNAL_SERVER_ERROR, failure.getStatus());
        String body = failure.getResponse().getBody(String.class).orElseThrow();
        assertFalse(body.contains("secret internal detail"), body);
        assertFalse(body.contains("com.example"), body);
        assertTrue(body.contains("\"status\":500"), body);
    }

    @Test
    void unknownPathIsA404Problem() {
        var missing = failing(HttpRequest.GET("/nowhere"));

        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        assertEquals(Problem.MEDIA_TYPE, missing.getResponse().getContentType().orElseThrow().toString());
    }

    @Test
    void healthIsUpAndIncludesTheStore() {
        HttpResponse<Map<String, Object>> health = client().exchange(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));

        Map<String, Object> body = health.body();
        assertEquals("UP", body.get("status"));
        Map<?, ?> store = (Map<?, ?>) ((Map<?, ?>) body.get("details")).get("store");
        assertEquals("UP", store.get("status"));
    }
}
