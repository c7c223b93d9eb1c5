package org.afyadial.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NoSQL-injection attempts on the REST API answer 400 problems naming the field: operator keys
 * ({@code $...}) anywhere in the body are refused by {@link OperatorKeyGuard}, objects where a
 * scalar belongs by the typed request records.
 */
@MicronautTest(transactional = false)
class OperatorKeyGuardTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/auth/login | {"username":{"$ne":""},"password":{"$ne":""}}                    | username.$ne
            /api/v1/auth/login | {"username":"admin","password":{"$gt":""}}                      | password.$gt
            /api/v1/auth/login | {"$where":"sleep(1000)","username":"admin","password":"x"}        | $where
            /api/v1/auth/login | {"username":"admin","password":"x","extra":[1,{"a":{"$in":[1]}}]} | extra[1].a.$in
            /api/v1/auth/login | {"username":"admin","password":{"\\u0024ne":""}}                   | password.$ne
            /api/v1/auth/login | {"username":{"ne":""},"password":"long-enough-1"}                | username
            /api/v1/auth/refresh | {"refresh_token":{"length":1}}                                  | refresh_token
            /api/v1/users      | {"username":"x.y","password":"long-enough-1","roles":["KING"]}   | roles[0]
            /api/v1/users      | {"username":"x.y","password":"long-enough-1","roles":[{"$gt":""}]} | roles[0].$gt
            /api/v1/users      | {"username":"x.y","password":"long-enough-1","roles":{"a":1}}    | roles
            """)
    void injectionAttemptsAreRefusedNamingTheField(String path, String body, String field) {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(tokens.bearer("guard-admin", Role.ADMIN)), String.class));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals(Problem.MEDIA_TYPE, refused.getResponse().getContentType().orElseThrow().toString());
        Map<?, ?> problem = refused.getResponse().getBody(Map.class).orElseThrow();
        List<?> fields = ((List<?>) problem.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field")).toList();
        assertEquals(List.of(field), fields, problem.toString());
    }

    @Test
    void theRoleNamesAreListedWhenARoleIsUnknown() {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.POST("/api/v1/users", Map.of("username", "x.y", "password", "long-enough-1", "roles", List.of("KING")))
                        .bearerAuth(tokens.bearer("guard-admin", Role.ADMIN)), String.class));

        String body = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(body.contains("must be one of ADMIN, DOCTOR, RECEPTIONIST"), body);
    }

    /** Bodies outside /api are not inspected (the webhooks under /at are not slowed down). */
    @Test
    void onlyApiBodiesAreInspected() {
        var accepted = http.toBlocking().exchange(HttpRequest.POST("/test/probes", "{\"code\":\"P-1\",\"quantity\":1,\"$set\":{}}")
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class);

        assertEquals(HttpStatus.CREATED, accepted.getStatus());
    }
}
