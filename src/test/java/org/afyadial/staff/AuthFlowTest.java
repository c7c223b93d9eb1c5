package org.afyadial.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.system.Problem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripted walk of a staff account through HTTP: bootstrap admin, a receptionist created,
 * logging in, refresh rotation and replay, logout, lockout, disabling, and the audit trail of it all.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.admin-password", value = AuthFlowTest.ADMIN_PASSWORD)
@Property(name = "afyadial.auth.bcrypt-cost", value = "4")
class AuthFlowTest {

    static final String ADMIN_PASSWORD = "bootstrap-secret-42";
    private static final String RECEPTIONIST = "amina.r";
    private static final String RECEPTIONIST_PASSWORD = "reception-pass-1";

    private final MutableClock clock = new MutableClock(Instant.now());

    /**
     * The admin bootstrap asks for the clock while the context starts, which creates this test
     * instance before the server has a port: the client is made on first use instead of injected.
     */
    @Inject
    EmbeddedServer server;

    private HttpClient client;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aStaffAccountFromCreationToDisabling() {
        Map<String, Object> admin = login("admin", ADMIN_PASSWORD);
        assertEquals("Bearer", admin.get("token_type"));
        assertEquals(900, admin.get("expires_in"));
        assertEquals(List.of("ADMIN"), admin.get("roles"));
        String adminToken = (String) admin.get("access_token");

        HttpResponse<Map<String, Object>> created = http().toBlocking().exchange(HttpRequest.POST("/api/v1/users",
                        Map.of("username", RECEPTIONIST, "password", RECEPTIONIST_PASSWORD, "roles", List.of("RECEPTIONIST")))
                .bearerAuth(adminToken), Argument.mapOf(String.class, Object.class));
        assertEquals(HttpStatus.CREATED, created.getStatus());
        String receptionistId = (String) created.body().get("id");

        Map<String, Object> first = login(RECEPTIONIST, RECEPTIONIST_PASSWORD);
        assertEquals(List.of("RECEPTIONIST"), first.get("roles"));
        assertEquals(HttpStatus.FORBIDDEN, failure(HttpRequest.GET("/api/v1/users").bearerAuth((String) first.get("access_token"))).getStatus());

        Map<String, Object> second = refresh((String) first.get("refresh_token"));
        assertNotEquals(first.get("refresh_token"), second.get("refresh_token"));
        assertEquals(List.of("RECEPTIONIST"), second.get("roles"));
        assertProblem(HttpStatus.UNAUTHORIZED, "already used", failure(refreshRequest((String) first.get("refresh_token"))));

        assertEquals(HttpStatus.NO_CONTENT, logout(second).getStatus());
        assertProblem(HttpStatus.UNAUTHORIZED, "already used", failure(refreshRequest((String) second.get("refresh_token"))));

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertProblem(HttpStatus.UNAUTHORIZED, "Wrong username or password", failure(loginRequest(RECEPTIONIST, "wrong-password-" + attempt)));
        }
        assertProblem(HttpStatus.LOCKED, "try again in 15 minute(s)", failure(loginRequest(RECEPTIONIST, "wrong-password-5")));
        assertProblem(HttpStatus.LOCKED, "locked until", failure(loginRequest(RECEPTIONIST, RECEPTIONIST_PASSWORD)));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Map<String, Object> third = login(RECEPTIONIST, RECEPTIONIST_PASSWORD);
        assertEquals(HttpStatus.NO_CONTENT, logout(third).getStatus());

        Map<String, Object> fourth = login(RECEPTIONIST, RECEPTIONIST_PASSWORD);
        http().toBlocking().exchange(HttpRequest.POST("/api/v1/users/" + receptionistId + "/disable", "").bearerAuth(adminToken));
        assertEquals(HttpStatus.UNAUTHORIZED, failure(logoutRequest(fourth)).getStatus());
        assertProblem(HttpStatus.UNAUTHORIZED, "already used", failure(refreshRequest((String) fourth.get("refresh_token"))));
        assertProblem(HttpStatus.UNAUTHORIZED, "Wrong username or password", failure(loginRequest(RECEPTIONIST, RECEPTIONIST_PASSWORD)));

        assertEquals(List.of("auth.login-failed", "auth.login", "auth.logout", "auth.login", "auth.login-locked",
                        "auth.login-failed", "auth.login-failed", "auth.login-failed", "auth.login-failed", "auth.login-failed",
                        "auth.logout", "auth.refresh", "auth.login"),
                auditActions(adminToken, RECEPTIONIST));
        assertEquals(List.of("user.disable", "user.create", "auth.login"), auditActions(adminToken, "admin"));
    }

    private HttpClient http() {
        if (client == null) {
            client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        }
        return client;
    }

    private Map<String, Object> login(String username, String password) {
        return http().toBlocking().retrieve(loginRequest(username, password), Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> refresh(String refreshToken) {
        return http().toBlocking().retrieve(refreshRequest(refreshToken), Argument.mapOf(String.class, Object.class));
    }

    private HttpResponse<?> logout(Map<String, Object> tokens) {
        return http().toBlocking().exchange(logoutRequest(tokens));
    }

    private static MutableHttpRequest<?> loginRequest(String username, String password) {
        return HttpRequest.POST("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    private static MutableHttpRequest<?> refreshRequest(String refreshToken) {
        return HttpRequest.POST("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    private static MutableHttpRequest<?> logoutRequest(Map<String, Object> tokens) {
        return HttpRequest.POST("/api/v1/auth/logout", Map.of("refresh_token", tokens.get("refresh_token")))
                .bearerAuth((String) tokens.get("access_token"));
    }

    private HttpClientResponseException failure(HttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http().toBlocking().exchange(request, String.class));
    }

    private static void assertProblem(HttpStatus status, String detailPart, HttpClientResponseException failure) {
        assertEquals(status, failure.getStatus());
        assertEquals(Problem.MEDIA_TYPE, failure.getResponse().getContentType().orElseThrow().toString());
        String detail = (String) failure.getResponse().getBody(Map.class).orElseThrow().get("detail");
        assertTrue(detail.contains(detailPart), detail);
    }

    @SuppressWarnings("unchecked")
    private List<Object> auditActions(String adminToken, String user) {
        Map<String, Object> page = http().toBlocking().retrieve(HttpRequest.GET("/api/v1/audit?user=" + user).bearerAuth(adminToken),
                Argument.mapOf(String.class, Object.class));
        return ((List<Map<String, Object>>) page.get("items")).stream().map(entry -> entry.get("action")).toList();
    }
}
