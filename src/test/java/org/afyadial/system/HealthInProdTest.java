package org.afyadial.system;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In prod an anonymous caller learns whether the service is up; what is inside (store, SMS) is for staff. */
@MicronautTest(environments = "prod", transactional = false)
@Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret", value = "a-test-secret-of-more-than-32-bytes-0123456789")
@Property(name = "afyadial.at.webhook.token", value = "a-webhook-token")
class HealthInProdTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Test
    void detailsAreForStaffOnly() {
        Map<String, Object> anonymous = http.toBlocking().retrieve(HttpRequest.GET("/health"), JSON);
        Map<String, Object> staff = http.toBlocking().retrieve(HttpRequest.GET("/health")
                .bearerAuth(tokens.bearer("ops.reader", Role.RECEPTIONIST)), JSON);

        assertEquals("UP", anonymous.get("status"));
        assertFalse(anonymous.containsKey("details"), anonymous.toString());
        assertTrue(((Map<?, ?>) staff.get("details")).containsKey("store"), staff.toString());
    }
}
