package org.afyadial.at;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind a proxy that appends the caller to X-Forwarded-For, only that last address is checked against the ranges. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.webhook.allowed-cidrs", value = "196.201.214.0/24")
@Property(name = "micronaut.server.client-address-header", value = "X-Forwarded-For")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class AtForwardedAddressTest {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest(name = "X-Forwarded-For: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            196.201.214.7                 | 200
            10.0.0.1, 196.201.214.7       | 200
            196.201.214.7, 10.0.0.1       | 403
            196.201.214.7,10.0.0.1        | 403
            none                          | 403
            """)
    void theAddressTheProxyAppendedDecides(String forwardedFor, int expected) {
        MutableHttpRequest<String> request = HttpRequest.POST("/at/ussd", "sessionId=ATUid_proxy&phoneNumber=%2B254700111335&text=")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        int status;
        try {
            status = client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            status = e.code();
        }
        assertEquals(expected, status);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            196.201.214.7                           | 196.201.214.7
            10.0.0.1, 196.201.214.7:4711            | 196.201.214.7
            for=10.0.0.1, for=196.201.214.7;proto=https | 196.201.214.7
            for=10.0.0.1, for="[2c0f:fe38::5]:4711" | 2c0f:fe38::5
            for=10.0.0.1, by=10.0.0.2               | none
            2c0f:fe38::5                            | 2c0f:fe38::5
            """)
    void theLastHopIsReadFromEitherHeaderForm(String header, String expected) {
        assertEquals(expected, ForwardedFor.lastHop(header));
    }
}
