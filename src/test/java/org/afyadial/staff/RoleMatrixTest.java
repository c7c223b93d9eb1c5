package org.afyadial.staff;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * {@link RoleMatrix} row by row, through HTTP: every role allowed by a row gets past security (any
 * answer but 401 and 403; a 400 for an empty body or a 404 for an unknown id still proves it), every
 * other role gets 403, and no token gets 401. Rows whose endpoint the application does not serve
 * (yet) are skipped; endpoints added later are covered as soon as they exist.
 */
@MicronautTest(transactional = false)
class RoleMatrixTest {

    /** A well-formed id that matches no record. */
    private static final String UNKNOWN_ID = "000000000000000000000000";
    private static final Set<String> ANONYMOUS_ROUTES = Set.of("POST /api/v1/auth/login", "POST /api/v1/auth/refresh");

    @Inject
    Router router;

    @Inject
    StaffTokens staffTokens;

    @Inject
    @Client("/")
    HttpClient http;

    private final Map<Role, String> tokens = new EnumMap<>(Role.class);

    @TestFactory
    Stream<DynamicTest> eachRoleIsAllowedOrRefusedAsItsRowSays() {
        Set<String> served = apiRoutes();
        return RoleMatrix.rows().stream()
                .filter(row -> served.contains(row.method() + " " + row.pattern()))
                .flatMap(row -> Stream.concat(
                        Arrays.stream(Role.values()).map(role -> dynamicTest(row.method() + " " + row.pattern() + " as " + role,
                                () -> assertAnswer(row, role))),
                        Stream.of(dynamicTest(row.method() + " " + row.pattern() + " without a token",
                                () -> assertEquals(HttpStatus.UNAUTHORIZED, status(request(row)))))));
    }

    @Test
    void everyApiEndpointHasARow() {
        List<String> unlisted = apiRoutes().stream()
                .filter(route -> !ANONYMOUS_ROUTES.contains(route))
                .filter(route -> {
                    String[] methodAndPattern = route.split(" ");
                    return RoleMatrix.rowFor(HttpMethod.parse(methodAndPattern[0]), methodAndPattern[1].replace("*", "x")).isEmpty();
                })
                .sorted()
                .toList();
        assertEquals(List.of(), unlisted, "every /api/v1 endpoint needs a row in RoleMatrix");
    }

    @Test
    void aHeadRequestIsJudgedAsTheGetItMirrors() {
        assertEquals(HttpStatus.OK, status(HttpRequest.HEAD("/api/v1/audit").bearerAuth(token(Role.ADMIN))));
        assertEquals(HttpStatus.FORBIDDEN, status(HttpRequest.HEAD("/api/v1/audit").bearerAuth(token(Role.RECEPTIONIST))));
        assertEquals(HttpStatus.UNAUTHORIZED, status(HttpRequest.HEAD("/api/v1/audit")));
    }

    @Test
    void theMatrixTestSeesTheStaffEndpoints() {
        Set<String> served = apiRoutes();
        assertTrue(served.containsAll(Set.of("PUT /api/v1/users/*/roles", "GET /api/v1/audit", "POST /api/v1/auth/logout",
                "POST /api/v1/patients/*/pin-reset")), served::toString);
    }

    private void assertAnswer(RoleMatrix.Row row, Role role) {
        HttpStatus status = status(request(row).bearerAuth(token(role)));
        if (row.roles().contains(role)) {
            assertFalse(status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN, role + " is allowed but got " + status);
        } else {
            assertEquals(HttpStatus.FORBIDDEN, status, role + " is not in the row");
        }
    }

    /**
     * "GET /api/v1/users/*" for each route of the application under /api/v1, path variables as {@code *}.
     * The HEAD twins Micronaut adds to GET routes are left out: the rule judges a HEAD as its GET.
     */
    private Set<String> apiRoutes() {
        return router.uriRoutes()
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .map(route -> route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString()
                        .replaceAll("\\{\\?[^}]*}", "")
                        .replaceAll("\\{[^}]+}", "*"))
                .filter(route -> route.contains(" /api/v1/"))
                .collect(Collectors.toSet());
    }

    private static MutableHttpRequest<?> request(RoleMatrix.Row row) {
        String path = row.pattern().replace("*", UNKNOWN_ID);
        return switch (row.method()) {
            case POST, PUT, PATCH -> HttpRequest.create(row.method(), path).body(Map.of());
            default -> HttpRequest.create(row.method(), path);
        };
    }

    private String token(Role role) {
        return tokens.computeIfAbsent(role, r -> staffTokens.bearer("matrix-" + r.name().toLowerCase(Locale.ROOT), r));
    }

    private HttpStatus status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
