package org.afyadial.doctors;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Schedules, leave, extra hours, free slots and the calendar through HTTP. The clinic is in
 * Nairobi (UTC+3); it is Monday 23 November 2026, 09:10 there; doctors work weekdays 08:00-12:00.
 */
@MicronautTest(transactional = false)
class DoctorScheduleApiTest {

    private static final Instant MONDAY_0910 = Instant.parse("2026-11-23T06:10:00Z");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    FreeSlotFinder finder;

    @MockBean(Clock.class)
    Clock clock() {
        return new MovableClock(MONDAY_0910);
    }

    private Map<String, Object> get(String path) {
        return send(HttpRequest.GET(path));
    }

    private Map<String, Object> send(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(tokens.bearer("rose", Role.RECEPTIONIST)),
                Argument.mapOf(String.class, Object.class));
    }

    private static List<String> starts(Map<String, Object> page) {
        return ((List<?>) page.get("items")).stream().map(s -> (String) ((Map<?, ?>) s).get("start")).toList();
    }

    @Test
    void freeSlotsSkipThePastLeaveAndBookings() {
        Doctor doctor = clinic.doctor("Slots", "Slots Medicine", "dr.slots");
        String today = "/api/v1/doctors/" + doctor.id() + "/slots?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z";

        assertEquals(List.of("2026-11-23T06:30:00Z", "2026-11-23T07:00:00Z", "2026-11-23T07:30:00Z", "2026-11-23T08:00:00Z",
                "2026-11-23T08:30:00Z"), starts(get(today)), "09:00 local has begun, earlier ones are past");

        send(HttpRequest.POST("/api/v1/doctors/" + doctor.id() + "/exceptions",
                Map.of("date", "2026-11-23", "kind", "LEAVE", "from", "10:00", "to", "11:00")));
        send(HttpRequest.POST("/api/v1/doctors/" + doctor.id() + "/exceptions",
                Map.of("date", "2026-11-23", "kind", "EXTRA_HOURS", "from", "15:00", "to", "16:00")));
        send(HttpRequest.POST("/api/v1/doctors/" + doctor.id() + "/exceptions",
                Map.of("date", "2026-11-24", "kind", "LEAVE", "note", "training")));

        assertEquals(List.of("2026-11-23T06:30:00Z", "2026-11-23T08:00:00Z", "2026-11-23T08:30:00Z", "2026-11-23T12:00:00Z",
                "2026-11-23T12:30:00Z"), starts(get(today)), "leave 10:00-11:00 local, extra hours 15:00-16:00 local");
        assertEquals(List.of(), starts(get("/api/v1/doctors/" + doctor.id() + "/slots?from=2026-11-24T00:00:00Z&to=2026-11-25T00:00:00Z")));
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 25)), finder.daysWithFreeSlotsForDoctor(doctor.id(), 2));
    }

    @Test
    void slotsOfASpecialtyComeFromAllItsDoctorsEarliestFirst() {
        Doctor first = clinic.doctor("First", "Pairs", "dr.first");
        Doctor second = clinic.doctor("Second", "Pairs", "dr.second");

        var items = (List<?>) get("/api/v1/slots?specialty=" + first.specialty() + "&from=2026-11-23T08:00:00Z&to=2026-11-23T09:00:00Z").get("items");

        assertEquals(List.of(
                Map.of("doctorId", first.id(), "start", "2026-11-23T08:00:00Z", "end", "2026-11-23T08:30:00Z"),
                Map.of("doctorId", second.id(), "start", "2026-11-23T08:00:00Z", "end", "2026-11-23T08:30:00Z"),
                Map.of("doctorId", first.id(), "start", "2026-11-23T08:30:00Z", "end", "2026-11-23T09:00:00Z"),
                Map.of("doctorId", second.id(), "start", "2026-11-23T08:30:00Z", "end", "2026-11-23T09:00:00Z")), items);
        assertEquals(List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24)), finder.daysWithFreeSlots(first.specialty(), 1));
    }

    @Test
    void theWeekCalendarShowsEachSlotsState() {
        Doctor doctor = clinic.doctor("Calendar", "Calendars", "dr.calendar");

        Map<String, Object> week = get("/api/v1/doctors/" + doctor.id() + "/calendar?view=week&date=2026-11-25");

        assertEquals("2026-11-23", week.get("firstDay"));
        assertEquals("2026-11-29", week.get("lastDay"));
        List<?> slots = (List<?>) week.get("slots");
        assertEquals(5 * 8, slots.size());
        assertEquals(Map.of("start", "2026-11-23T05:00:00Z", "end", "2026-11-23T05:30:00Z", "state", "PAST"), slots.getFirst());
        assertEquals("FREE", ((Map<?, ?>) slots.getLast()).get("state"));
    }

    @Test
    void availabilityAndScheduleAreKept() {
        Doctor doctor = clinic.doctor("Away", "Availability", "dr.away");

        send(HttpRequest.PUT("/api/v1/doctors/" + doctor.id() + "/availability", Map.of("availability", "AWAY")));
        Map<String, Object> shown = send(HttpRequest.PUT("/api/v1/doctors/" + doctor.id() + "/schedule",
                Map.of("slotMinutes", 15, "hours", List.of(Map.of("day", "SATURDAY", "from", "09:00", "to", "10:00")))));

        assertEquals("AWAY", shown.get("availability"));
        assertEquals(4, ((List<?>) get("/api/v1/doctors/" + doctor.id() + "/slots?from=2026-11-28T00:00:00Z&to=2026-11-29T00:00:00Z").get("items")).size());
    }
}
