package org.afyadial.doctors;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A doctor changes only their own leave, extra hours and availability: on another doctor's they are refused
 * (403, nothing changed); the front desk changes any doctor's.
 */
@MicronautTest(transactional = false)
class ScheduleOwnershipTest {

    private static final LocalDate LEAVE_DAY = LocalDate.of(2031, 3, 4);
    private static final Argument<Map<String, Object>> ANY = Argument.mapOf(String.class, Object.class);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    DoctorService doctors;

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            add leave     | other doctor | 403
            add leave     | own doctor   | 201
            add leave     | receptionist | 201
            remove leave  | other doctor | 403
            remove leave  | own doctor   | 204
            remove leave  | receptionist | 204
            availability  | other doctor | 403
            availability  | own doctor   | 200
            availability  | receptionist | 200
            """)
    void aDoctorChangesOnlyTheirOwnSchedule(String action, String caller, int expected) {
        String unique = Long.toString(System.nanoTime(), 36);
        Doctor own = clinic.doctor("Own", "Leave " + unique, "dr.own." + unique);
        clinic.doctor("Other", "Leave " + unique, "dr.other." + unique);
        ScheduleException existing = doctors.addException(own.id(),
                new ScheduleChange(LEAVE_DAY, ExceptionKind.LEAVE, null, null, null), null);
        String bearer = switch (caller) {
            case "own doctor" -> tokens.bearer("dr.own." + unique, Role.DOCTOR);
            case "other doctor" -> tokens.bearer("dr.other." + unique, Role.DOCTOR);
            default -> tokens.bearer("front.desk", Role.RECEPTIONIST);
        };
        String path = "/api/v1/doctors/" + own.id();
        MutableHttpRequest<?> request = switch (action) {
            case "add leave" -> HttpRequest.POST(path + "/exceptions", Map.of("date", LEAVE_DAY.plusDays(1).toString(), "kind", "LEAVE"));
            case "remove leave" -> HttpRequest.DELETE(path + "/exceptions/" + existing.id());
            default -> HttpRequest.PUT(path + "/availability", Map.of("availability", "AWAY"));
        };

        int status = answer(request.bearerAuth(bearer));

        assertEquals(expected, status);
        List<LocalDate> leave = doctors.exceptions(own.id(), LEAVE_DAY, LEAVE_DAY.plusDays(1)).stream()
                .map(ScheduleException::date).toList();
        Availability availability = doctors.findByUsername("dr.own." + unique).orElseThrow().availability();
        if (expected == 403) {
            assertEquals(List.of(LEAVE_DAY), leave);
            assertEquals(Availability.AVAILABLE, availability);
        }
    }

    private int answer(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, ANY).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
