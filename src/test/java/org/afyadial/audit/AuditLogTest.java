package org.afyadial.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.MutableClock;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code GET /api/v1/audit}: filters, newest first, pages; and nothing that changes the log. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final MutableClock clock = new MutableClock(START);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AuditTrail trail;

    @Inject
    StaffTokens staffTokens;

    @Inject
    Router router;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    /** One entry per hour from 08:00: four by staff on two patients, two by patients on the phone. */
    @BeforeAll
    void appendEntries() {
        trail.recordAsStaff("nurse.a", List.of("RECEPTIONIST"), "patient.read", "patient", "p1", "p1");
        clock.advance(Duration.ofHours(1));
        trail.recordAsStaff("nurse.a", List.of("RECEPTIONIST"), "patient.update", "patient", "p2", "p2");
        clock.advance(Duration.ofHours(1));
        trail.recordAs("ussd:p1", "ussd", "appointment.create", "appointment", "a1", "p1");
        clock.advance(Duration.ofHours(1));
        trail.recordAsStaff("dr.b", List.of("DOCTOR"), "appointment.confirm", "appointment", "a1", "p1");
        clock.advance(Duration.ofHours(1));
        trail.recordAs("ussd:p2", "sms", "appointment.cancel", "appointment", "a2", "p2");
        clock.advance(Duration.ofHours(1));
        trail.recordAsStaff("dr.b", List.of("DOCTOR"), "patient.read", "patient", "p2", "p2");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ?user=nurse.a                                        | patient.update, patient.read
            ?user=dr.b                                           | patient.read, appointment.confirm
            ?patientId=p1                                        | appointment.confirm, appointment.create, patient.read
            ?from=2026-03-02T09:00:00Z&to=2026-03-02T11:00:00Z   | appointment.create, patient.update
            ?patientId=p2&from=2026-03-02T10:00:00Z              | patient.read, appointment.cancel
            ?user=nobody                                         | ''
            """)
    void filtersSelectEntriesNewestFirst(String query, String actions) {
        Map<String, Object> page = search(query);

        List<String> expected = actions.isEmpty() ? List.of() : List.of(actions.split(", "));
        assertEquals(expected, actionsOf(page));
        assertEquals(expected.size(), ((Number) page.get("total")).intValue());
    }

    @Test
    void pagesSplitTheNewestFirstOrder() {
        String filter = "?from=2026-03-02T08:00:00Z&to=2026-03-02T14:00:00Z";
        Map<String, Object> second = search(filter + "&page=1&size=4");

        assertEquals(List.of("patient.update", "patient.read"), actionsOf(second));
        assertEquals(6, ((Number) second.get("total")).intValue());
        assertEquals(1, second.get("page"));
        assertEquals(4, second.get("size"));
    }

    @Test
    void aStaffActionRecordsTheRoleAndOrigin() {
        clock.advance(Duration.ofDays(1)); // after the entries the other tests count
        String admin = staffTokens.bearer("audit.admin", Role.ADMIN);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/users",
                Map.of("username", "audited.user", "password", "long-enough-1", "roles", List.of("LAB"))).bearerAuth(admin));

        @SuppressWarnings("unchecked")
        Map<String, Object> entry = ((List<Map<String, Object>>) search("?user=audit.admin").get("items")).getFirst();

        assertEquals("user.create", entry.get("action"));
        assertEquals("ADMIN", entry.get("role"));
        assertEquals("staff_user", entry.get("targetType"));
        assertEquals("127.0.0.1", entry.get("origin"));
    }

    @Test
    void aMalformedDateIsNamed() {
        var refused = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/audit?from=yesterday").bearerAuth(staffTokens.bearer("audit.admin", Role.ADMIN)), String.class));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        List<?> errors = (List<?>) refused.getResponse().getBody(Map.class).orElseThrow().get("errors");
        assertEquals("from", ((Map<?, ?>) errors.getFirst()).get("field"));
    }

    @Test
    void theApiCanOnlyReadTheLog() {
        Set<HttpMethod> methods = router.uriRoutes()
                .filter(route -> route.getUriMatchTemplate().toPathString().startsWith("/api/v1/audit"))
                .map(route -> route.getHttpMethod())
                .collect(Collectors.toSet());

        assertEquals(Set.of(HttpMethod.GET, HttpMethod.HEAD), methods);
    }

    private Map<String, Object> search(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/audit" + query)
                .bearerAuth(staffTokens.bearer("audit.admin", Role.ADMIN)), JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> actionsOf(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(entry -> entry.get("action")).toList();
    }
}
