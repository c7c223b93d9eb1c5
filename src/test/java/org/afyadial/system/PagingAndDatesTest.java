package org.afyadial.system;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Query parameters and body fields the domain cannot hold are 400 problems: a page whose offset (page × size)
 * wrapped around answered the first page, a date in year ±10^9 a 500 with a stack trace, and an inverted
 * from/to range a 503 from the store.
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

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            POST | /api/v1/appointments                          | {"patientId":"{patient}","doctorId":"{doctor}","start":"+1000000000-01-01T06:00:00Z"} | start
            POST | /api/v1/appointments/{patient}/reschedule       | {"start":"-1000000000-01-01T06:00:00Z"}                                                | start
            POST | /api/v1/doctors/{doctor}/exceptions             | {"date":"+999999999-01-01","kind":"LEAVE"}                                           | date
            PUT  | /api/v1/patients/{patient}/clinical-profile     | {"allergies":[],"conditions":[],"pregnancyDueDate":"+999999999-12-31"}                | pregnancyDueDate
            PUT  | /api/v1/patients/{patient}/clinical-profile     | {"allergies":[],"conditions":[],"weighedOn":"-999999999-01-01"}                       | weighedOn
            PUT  | /api/v1/patients/{patient}/clinical-profile     | {"allergies":[],"conditions":[{"code":"hypertension","since":"+10000-01-01"}]}       | conditions[0].since
            """)
    void aDateInABodyOutsideYears1To9999IsA400NamingTheField(String method, String path, String body, String field) {
        String unique = Long.toString(System.nanoTime(), 36);
        String doctorId = clinic.doctor("Body", "Body dates " + unique, "dr.body." + unique).id();
        String patientId = clinic.patient("Dates", "+254733" + String.format("%06d", System.nanoTime() % 1_000_000)).id();
        HttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), path.replace("{doctor}", doctorId).replace("{patient}", patientId))
                .body(body.replace("{doctor}", doctorId).replace("{patient}", patientId))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(tokens.bearer("dates.body", Role.ADMIN, Role.RECEPTIONIST, Role.DOCTOR));

        var answer = send(request);

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"" + field + "\""), answer.body());
        assertTrue(answer.body().contains("ISO-8601"), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/audit?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/appointments?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/payments?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/slots?specialty=General&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/stats/appointments?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/health-authority/statistics?groupBy=month&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/doctors/{doctor}/slots?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z",
            "/api/v1/doctors/{doctor}/exceptions?from=2026-12-01&to=2026-11-01"})
    void anInvertedRangeIsA400(String path) {
        String doctorId = clinic.doctor("Range", "Range", "dr.range." + Math.abs(path.hashCode())).id();

        var answer = call(path.replace("{doctor}", doctorId));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"to\"") || answer.body().contains("to must be after from"), answer.body());
    }

    @Test
    void anOrdinaryDateStillWorks() {
        assertEquals(200, call("/api/v1/audit?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z").status());
    }

    private record Answer(int status, String body) {
    }

    private Answer call(String path) {
        return send(HttpRequest.GET(path).bearerAuth(tokens.bearer("paging.admin", Role.ADMIN, Role.HEALTH_AUTHORITY)));
    }

    private Answer send(HttpRequest<?> request) {
        try {
            var response = http.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), response.body());
        } catch (HttpClientResponseException e) {
            return new Answer(e.code(), e.getResponse().getBody(String.class).orElse(""));
        }
    }
}
