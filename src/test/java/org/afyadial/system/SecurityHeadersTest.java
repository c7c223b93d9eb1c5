package org.afyadial.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer, errors included, forbids type sniffing and framing and carries a content policy;
 * whatever may hold patient data is never cached.
 */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /simulator                    | anonymous | 200 | default-src 'self' | false
            /api/v1/patients              | doctor    | 200 | default-src 'self' | true
            /api/v1/patients              | anonymous | 401 | default-src 'self' | true
            /api/v1/appointments/unknown  | doctor    | 404 | default-src 'self' | true
            /simulator/sms?phone=0700111222 | anonymous | 200 | default-src 'self' | true
            /swagger-ui/index.html        | anonymous | 200 | 'unsafe-inline'    | false
            /health                       | anonymous | 200 | default-src 'self' | false
            """)
    void everyAnswerCarriesTheHeaders(String path, String caller, int status, String policyPart, boolean patientData) {
        HttpRequest<?> request = caller.equals("doctor") ? HttpRequest.GET(path).bearerAuth(tokens.bearer("dr.headers", Role.DOCTOR)) : HttpRequest.GET(path);

        HttpResponse<?> response = answer(request);

        assertEquals(status, response.code());
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains(policyPart), policy);
        if (patientData) {
            assertEquals("no-store", response.header("Cache-Control"));
        }
    }

    private HttpResponse<?> answer(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }
}
