package org.afyadial.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The clinic always keeps an enabled administrator: the last one can neither be demoted nor disabled. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.auth.bcrypt-cost", value = "4")
class LastAdministratorTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staffTokens;

    @Test
    void theLastEnabledAdministratorCannotBeDemotedOrDisabled() {
        String first = staffTokens.bearer("first.admin", Role.ADMIN);
        String firstId = idOf("first.admin", first);

        assertEquals(HttpStatus.CONFLICT, status(roles(firstId, "DOCTOR"), first), "demoting oneself, the last one");
        assertEquals(List.of("ADMIN"), call(HttpRequest.GET("/api/v1/users/" + firstId), first).get("roles"));

        String second = staffTokens.bearer("second.admin", Role.ADMIN);
        String secondId = idOf("second.admin", second);
        assertEquals(HttpStatus.OK, status(roles(firstId, "DOCTOR"), first), "another administrator remains");

        // first.admin's token keeps its ADMIN role until it expires: it still may not remove the last one
        assertEquals(HttpStatus.CONFLICT, status(HttpRequest.POST("/api/v1/users/" + secondId + "/disable", ""), first));
        assertEquals(HttpStatus.CONFLICT, status(roles(secondId, "LAB"), first));
        Map<String, Object> kept = call(HttpRequest.GET("/api/v1/users/" + secondId), second);
        assertEquals(List.of("ADMIN"), kept.get("roles"));
        assertEquals(true, kept.get("enabled"));
    }

    private static MutableHttpRequest<?> roles(String id, String role) {
        return HttpRequest.PUT("/api/v1/users/" + id + "/roles", Map.of("roles", List.of(role)));
    }

    private String idOf(String username, String bearer) {
        List<?> users = (List<?>) call(HttpRequest.GET("/api/v1/users?size=200"), bearer).get("items");
        return users.stream().map(u -> (Map<?, ?>) u).filter(u -> u.get("username").equals(username))
                .map(u -> (String) u.get("id")).findFirst().orElseThrow();
    }

    private Map<String, Object> call(MutableHttpRequest<?> request, String bearer) {
        return http.toBlocking().retrieve(request.bearerAuth(bearer), JSON);
    }

    private HttpStatus status(MutableHttpRequest<?> request, String bearer) {
        try {
            return http.toBlocking().exchange(request.bearerAuth(bearer), String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
