package org.afyadial.at;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With AT_ALLOWED_CIDRS set, callers outside the ranges get 403 (the test client calls from 127.0.0.1). */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.webhook.allowed-cidrs", value = "196.201.214.0/24,2c0f:fe38::/32")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class AtAllowedCidrsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Store store;

    @Test
    void aCallerOutsideTheRangesIsRefusedBeforeAnythingIsProcessed() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/at/ussd", "sessionId=ATUid_cidr&phoneNumber=%2B254700111333&text=")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertEquals(403, refused.code());
        assertEquals(0, store.collection("ussd_sessions").countDocuments());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            X-Forwarded-For | 196.201.214.7
            X-Forwarded-For | 10.0.0.1, 196.201.214.7
            Forwarded       | for=196.201.214.7
            X-Real-IP       | 196.201.214.7
            """)
    void aForwardingHeaderTheCallerWroteIsNotBelievedWhenNoProxyIsConfigured(String header, String value) {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.POST("/at/ussd", "sessionId=ATUid_xff&phoneNumber=%2B254700111334&text=")
                        .header(header, value).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertEquals(403, refused.code());
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            196.201.214.7     | 196.201.214.0/24 | true
            196.201.215.7     | 196.201.214.0/24 | false
            10.1.2.3          | 10.0.0.0/8       | true
            11.1.2.3          | 10.0.0.0/8       | false
            192.168.1.130     | 192.168.1.128/25 | true
            192.168.1.127     | 192.168.1.128/25 | false
            127.0.0.1         | 127.0.0.1        | true
            2c0f:fe38:1::5    | 2c0f:fe38::/32   | true
            2c0f:fe39:1::5    | 2c0f:fe38::/32   | false
            196.201.214.7     | 2c0f:fe38::/32   | false
            not-an-address    | 10.0.0.0/8       | false
            """)
    void rangesContainTheirAddresses(String address, String range, boolean inside) {
        assertEquals(inside, CidrRange.parse(range).contains(address));
    }

    @Test
    void aHostNameIsNotAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("example.org"));
        assertTrue(CidrRange.parse("0.0.0.0/0").contains("8.8.8.8"));
        assertFalse(CidrRange.parse("0.0.0.0/0").contains("::1"));
    }
}
