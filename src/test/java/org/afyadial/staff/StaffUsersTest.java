package org.afyadial.staff;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import org.afyadial.StaffTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/users} through HTTP, as an administrator. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.auth.bcrypt-cost", value = "4")
class StaffUsersTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staffTokens;

    @Inject
    TokenGenerator tokenGenerator;

    private String admin;

    @BeforeEach
    void asAdministrator() {
        admin = staffTokens.bearer("chief.admin", Role.ADMIN);
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            ab            | long-enough-1 | LAB          | username
            Upper.Case    | long-enough-1 | LAB          | username
            has space     | long-enough-1 | LAB          | username
            .dotfirst     | long-enough-1 | LAB          | username
            fine.name     | too-short     | LAB          | password
            fine.name     | long-enough-1 |              | roles
            fine.name     | '          '  | LAB          | password
            fine.name     | aaaaaaaaaa    | LAB          | password
            fine.name     | password12    | LAB          | password
            fine.name     | 1234567890    | LAB          | password
            fine.name     | QwertyUiop    | LAB          | password
            fine.name     | fine.name-2026 | LAB         | password
            fine.name     | my-Fine.Name! | LAB          | password
            """)
    void invalidAccountsAreRefusedNamingTheField(String username, String password, String role, String field) {
        List<String> roles = role == null ? List.of() : List.of(role);
        var refused = failure(HttpRequest.POST("/api/v1/users", Map.of("username", username, "password", password, "roles", roles)));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        List<?> errors = (List<?>) refused.getResponse().getBody(Map.class).orElseThrow().get("errors");
        assertEquals(List.of(field), errors.stream().map(e -> ((Map<?, ?>) e).get("field")).toList());
    }

    @Test
    void aResetToAGuessablePasswordIsRefusedAndTheOldOneStays() {
        String id = create("resetting", "first-password-1", "LAB");

        var refused = failure(HttpRequest.POST("/api/v1/users/" + id + "/password", Map.of("password", "password123")));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(List.of(Map.of("field", "password", "message", "is a commonly used password; choose a longer phrase of your own")),
                refused.getResponse().getBody(Map.class).orElseThrow().get("errors"));
        assertEquals(List.of("LAB"), login("resetting", "first-password-1").get("roles"));
    }

    @Test
    void aTakenUsernameIsAConflict() {
        create("dup.user", "long-enough-1", "LAB");

        assertEquals(HttpStatus.CONFLICT, failure(HttpRequest.POST("/api/v1/users",
                Map.of("username", "dup.user", "password", "other-password-2", "roles", List.of("DOCTOR")))).getStatus());
    }

    @Test
    void usersAreListedByUsernameInPages() {
        String prefix = "p" + UUID.randomUUID().toString().substring(0, 6);
        for (String name : List.of("c", "a", "b")) {
            create(prefix + "." + name, "long-enough-1", "LAB");
        }

        Map<String, Object> first = get("/api/v1/users?page=0&size=2");
        Map<String, Object> all = get("/api/v1/users?size=200");

        assertEquals(Set.of("items", "page", "size", "total"), first.keySet());
        assertEquals(2, ((List<?>) first.get("items")).size());
        assertEquals(((Number) all.get("total")).longValue(), ((List<?>) all.get("items")).size());
        List<Object> names = usernames(all);
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(names.containsAll(List.of(prefix + ".a", prefix + ".b", prefix + ".c")));
        assertFalse(all.toString().contains("passwordHash"), "hashes never leave the server");
        assertEquals(HttpStatus.BAD_REQUEST, failure(HttpRequest.GET("/api/v1/users?size=1000")).getStatus());
    }

    @Test
    void unknownIdsAreNotFound() {
        assertEquals(HttpStatus.NOT_FOUND, failure(HttpRequest.GET("/api/v1/users/000000000000000000000000")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, failure(HttpRequest.GET("/api/v1/users/not-an-id")).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, failure(HttpRequest.POST("/api/v1/users/not-an-id/disable", "")).getStatus());
    }

    @Test
    void newRolesComeWithTheNextLogin() {
        String id = create("role.change", "long-enough-1", "LAB");

        Map<String, Object> changed = exchange(HttpRequest.PUT("/api/v1/users/" + id + "/roles", Map.of("roles", List.of("DOCTOR", "PHARMACIST"))));

        assertEquals(List.of("DOCTOR", "PHARMACIST"), changed.get("roles"));
        assertEquals(List.of("DOCTOR", "PHARMACIST"), login("role.change", "long-enough-1").get("roles"));
    }

    @Test
    void aPasswordResetReplacesThePasswordAndEndsSessions() {
        String id = create("forgetful", "first-password-1", "RECEPTIONIST");
        Map<String, Object> session = login("forgetful", "first-password-1");
        assertEquals(HttpStatus.OK, statusWith((String) session.get("access_token")));

        Map<String, Object> reset = exchange(HttpRequest.POST("/api/v1/users/" + id + "/password", Map.of("password", "second-password-2")));

        assertNotNull(reset.get("passwordChangedAt"));
        assertEquals(HttpStatus.UNAUTHORIZED, statusWith((String) session.get("access_token")), "tokens of the old password stop");
        assertEquals(HttpStatus.UNAUTHORIZED, failure(loginRequest("forgetful", "first-password-1")).getStatus());
        Map<String, Object> again = login("forgetful", "second-password-2");
        assertEquals(List.of("RECEPTIONIST"), again.get("roles"));
        assertEquals(HttpStatus.OK, statusWith((String) again.get("access_token")));
        assertEquals(HttpStatus.UNAUTHORIZED, failure(HttpRequest.POST("/api/v1/auth/refresh",
                Map.of("refresh_token", session.get("refresh_token")))).getStatus());
    }

    @Test
    void aDisabledUserCanBeEnabledAgain() {
        String id = create("on.leave", "long-enough-1", "LAB");

        assertEquals(false, exchange(HttpRequest.POST("/api/v1/users/" + id + "/disable", "")).get("enabled"));
        assertEquals(HttpStatus.UNAUTHORIZED, failure(loginRequest("on.leave", "long-enough-1")).getStatus());
        assertEquals(true, exchange(HttpRequest.POST("/api/v1/users/" + id + "/enable", "")).get("enabled"));
        assertEquals(List.of("LAB"), login("on.leave", "long-enough-1").get("roles"));
    }

    @Test
    void administratorsCannotDisableThemselves() {
        String self = create("self.admin", "long-enough-1", "ADMIN");
        String token = (String) login("self.admin", "long-enough-1").get("access_token");

        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.POST("/api/v1/users/" + self + "/disable", "").bearerAuth(token)));

        assertEquals(HttpStatus.CONFLICT, refused.getStatus());
    }

    @Test
    void aValidlySignedTokenOfAnUnknownUserIsRefused() {
        String ghost = tokenGenerator.generateToken(Authentication.build("ghost", List.of("ADMIN")), 900).orElseThrow();

        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(HttpRequest.GET("/api/v1/users").bearerAuth(ghost)));

        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
    }

    private String create(String username, String password, String role) {
        HttpResponse<Map<String, Object>> created = http.toBlocking().exchange(HttpRequest.POST("/api/v1/users",
                Map.of("username", username, "password", password, "roles", List.of(role))).bearerAuth(admin), JSON);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        return (String) created.body().get("id");
    }

    private Map<String, Object> login(String username, String password) {
        return http.toBlocking().retrieve(loginRequest(username, password), JSON);
    }

    private static MutableHttpRequest<?> loginRequest(String username, String password) {
        return HttpRequest.POST("/api/v1/auth/login", Map.of("username", username, "password", password));
    }

    private Map<String, Object> get(String path) {
        return exchange(HttpRequest.GET(path));
    }

    private Map<String, Object> exchange(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(admin), JSON);
    }

    /** What a receptionist's read of the specialties answers with this token. */
    private HttpStatus statusWith(String accessToken) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET("/api/v1/specialties").bearerAuth(accessToken)).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    private HttpClientResponseException failure(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request.bearerAuth(admin), String.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> usernames(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(user -> user.get("username")).toList();
    }
}
