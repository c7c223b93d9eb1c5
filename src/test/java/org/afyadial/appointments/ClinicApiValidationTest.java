package org.afyadial.appointments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.doctors.Doctor;
import org.afyadial.staff.Role;
import org.afyadial.system.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input on every clinic endpoint answers problem+json naming the field (or saying what is wrong). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicApiValidationTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @MockBean(Clock.class)
    Clock clock() {
        return new MovableClock(FRIDAY_9AM);
    }

    private Doctor doctor;

    @BeforeEach
    void doctor() {
        if (doctor == null) {
            doctor = clinic.doctor("Validator", "General", "dr.validator");
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # method | path                                 | JSON body                                                                                  | status | field or detail fragment
            POST     | /api/v1/patients                     | {"firstName":"","lastName":"N","phone":"0711222333","language":"en"}                        | 400    | firstName
            POST     | /api/v1/patients                     | {"firstName":"A","lastName":"N","phone":"12","language":"en"}                              | 400    | phone
            POST     | /api/v1/patients                     | {"firstName":"A","lastName":"N","phone":"0711222333","language":"en","birthYear":2031}     | 400    | birthYear
            POST     | /api/v1/patients                     | {"firstName":"A","lastName":"N","phone":"0711222333","language":"en","bloodType":"Z+"}     | 400    | bloodType
            POST     | /api/v1/patients                     | {"firstName":"A","lastName":"N","phone":"0711222333"}                                      | 400    | language
            POST     | /api/v1/patients                     | {"firstName":"A","lastName":"N","phone":"0711222333","language":"de"}                      | 400    | language
            POST     | /api/v1/patients                     | {"firstName":"A","lastName":"N","phone":"0711222333","language":"en","allergies":[" "]}    | 400    | allergies[0]
            POST     | /api/v1/specialties                  | {"name":""}                                                                                | 400    | name
            POST     | /api/v1/doctors                      | {"firstName":"A","lastName":"B","specialty":"general","fee":{"amount":-1}}                 | 400    | fee.amount
            POST     | /api/v1/doctors                      | {"firstName":"A","lastName":"B","specialty":"general","fee":{"amount":10.555}}             | 400    | fee.amount
            POST     | /api/v1/doctors                      | {"firstName":"A","lastName":"B","specialty":"general","fee":{"amount":10,"currency":"ksh"}} | 400    | fee.currency
            POST     | /api/v1/doctors                      | {"firstName":"A","lastName":"B","specialty":"nope","fee":{"amount":10}}                    | 422    | No specialty nope
            PUT      | /api/v1/doctors/{doctor}/schedule    | {"slotMinutes":2,"hours":[]}                                                               | 400    | slotMinutes
            PUT      | /api/v1/doctors/{doctor}/schedule    | {"slotMinutes":30,"hours":[{"day":"MONDAY","from":"12:00","to":"08:00"}]}                  | 400    | hours[0].to
            PUT      | /api/v1/doctors/{doctor}/availability | {"availability":null}                                                                     | 400    | availability
            POST     | /api/v1/doctors/{doctor}/exceptions  | {"date":"2026-11-23","kind":"EXTRA_HOURS"}                                                 | 400    | to
            POST     | /api/v1/appointments                 | {"doctorId":"{doctor}","start":"2026-11-23T06:00:00Z"}                                     | 400    | patientId
            POST     | /api/v1/appointments                 | {"patientId":"p","doctorId":"{doctor}"}                                                    | 400    | start
            POST     | /api/v1/appointments                 | {"patientId":"missing","doctorId":"{doctor}","start":"2026-11-23T06:00:00Z"}               | 404    | No patient missing
            POST     | /api/v1/appointments/x/cancel        | {"reason":""}                                                                              | 400    | reason
            POST     | /api/v1/appointments/x/reschedule    | {"doctorId":"d"}                                                                           | 400    | start
            POST     | /api/v1/appointments/x/assign        | {}                                                                                         | 400    | doctorId
            GET      | /api/v1/doctors/{doctor}/slots?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z |                                                              | 400    | to must be after from
            GET      | /api/v1/slots?specialty=general&from=2026-11-01T00:00:00Z&to=2026-12-31T00:00:00Z |                                                             | 400    | at most 31 days
            GET      | /api/v1/stats/appointments?from=2026-11-01T00:00:00Z&to=2028-01-01T00:00:00Z      |                                                             | 400    | at most 366 days
            GET      | /api/v1/appointments/6b01c7288ef4284012dffc25                                     |                                                             | 404    | No appointment
            """)
    void badInputIsAProblemNamingWhatIsWrong(String method, String path, String body, int status, String expected) {
        String realPath = path.replace("{doctor}", doctor.id());
        HttpRequest<?> request = HttpRequest.create(HttpMethod.valueOf(method), realPath)
                .body(body == null ? "" : body.replace("{doctor}", doctor.id()))
                .contentType("application/json")
                .bearerAuth(tokens.bearer("admin", Role.ADMIN, Role.RECEPTIONIST));

        var failure = assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));

        assertEquals(status, failure.getStatus().getCode());
        assertEquals(Problem.MEDIA_TYPE, failure.getResponse().getContentType().orElseThrow().toString());
        Map<String, Object> problem = failure.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        List<?> fields = problem.get("errors") == null ? List.of()
                : ((List<?>) problem.get("errors")).stream().map(e -> ((Map<?, ?>) e).get("field")).toList();
        boolean named = fields.contains(expected) || String.valueOf(problem.get("detail")).contains(expected)
                || String.valueOf(problem.get("errors")).contains(expected);
        assertTrue(!problem.toString().contains("org.afyadial"), "no Java names leak: " + problem);
        assertTrue(named, "expected " + expected + " in " + problem);
    }
}
