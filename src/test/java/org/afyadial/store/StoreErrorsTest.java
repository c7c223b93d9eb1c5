package org.afyadial.store;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Through HTTP: how each kind of store failure is answered, never with the store's own words. */
@MicronautTest(transactional = false)
class StoreErrorsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /test/probes/refused     | 500 | Something went wrong on our side; it has been logged
            /test/probes/unreachable | 503 | The record store is unavailable, please retry shortly
            /test/probes/contended   | 409 | Probe X-1 was changed by someone else meanwhile; reload and retry
            """)
    void eachKindOfStoreFailureHasItsAnswer(String path, int status, String detail) {
        HttpClientResponseException failure = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST(path, ""), String.class));

        assertEquals(HttpStatus.valueOf(status), failure.getStatus());
        Map<?, ?> problem = failure.getResponse().getBody(Map.class).orElseThrow();
        assertEquals(status, problem.get("status"));
        assertEquals(detail, problem.get("detail"));
        assertFalse(problem.toString().contains("noSuchCommand"), problem.toString());
    }
}
