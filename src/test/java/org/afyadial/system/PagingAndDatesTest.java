package org.afyadial.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query parameters the domain cannot hold are 400 problems: a page whose offset (page × size) wrapped
 * around answered the first page, and a date in year ±10^9 a 500 with a stack trace.
 */
@MicronautTest(transactional = false)
class PagingAndDatesTest {

    private static final String FAR = "%2B1000000000-01-01T00:00:00Z";
    private static final String FAR_BACK = "-1000000000-01-01T00:00:00Z";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/audit", "/api/v1/users", "/api/v1/patients", "/api/v1/appointments", "/api/v1/notifications"})
    void aPageBeyondReachIsRefusedAndTheLastReachableOneIsEmpty(String path) {
        var far = call(path + "?page=2000000000&size=100");
        var reachable = call(path + "?page=20000000&size=100");

        assertEquals(400, far.status(), far.body());
        assertTrue(far.body().contains("\"field\":\"page\""), far.body());
        assertEquals(200, reachable.status(), reachable.body());
        assertTrue(reachable.body().contains("\"items\":[]"), reachable.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/audit?from=" + FAR,
            "/api/v1/audit?to=" + FAR_BACK,
            "/api/v1/appointments?from=" + FAR,
            "/api/v1/appointments?to=" + FAR_BACK,
            "/api/v1/slots?specialty=General&from=" + FAR_BACK + "&to=" + FAR,
            "/api/v1/stats/appointments?from=" + FAR_BACK + "&to=2026-12-01T00:00:00Z",
            "/api/v1/doctors/{doctor}/slots?from=" + FAR_BACK + "&to=" + FAR,
            "/api/v1/doctors/{doctor}/calendar?date=-999999999-01-01",
            "/api/v1/doctors/{doctor}/exceptions?from=%2B999999999-01-01&to=%2B999999999-12-31"})
    void aDateOutsideYears1To9999IsA400NamingTheParameter(String path) {
        String doctorId = clinic.doctor("Dates", "Dates", "dr.dates." + Math.abs(path.hashCode())).id();

        var answer = call(path.replace("{doctor}", doctorId));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("ISO-8601"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @Test
    void anOrdinaryDateStillWorks() {
        assertEquals(200, call("/api/v1/audit?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z").status());
    }

    private record Answer(int status, String body) {
    }

    private Answer call(String path) {
        try {
            var response = http.toBlocking().exchange(HttpRequest.GET(path)
                    .bearerAuth(tokens.bearer("paging.admin", Role.ADMIN, Role.HEALTH_AUTHORITY)), String.class);
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
