package org.afyadial.doctors;

import io.micronaut.context.annotation.Property;
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
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Specialties, doctors and leave are served from memory: a change made through this instance (its REST API) is
 * seen at once, also by the USSD menus; a change made by another instance (written straight to the store here)
 * is seen once the cached copy is older than {@code afyadial.doctors.cache-ttl}.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.doctors.cache-ttl", value = "10s")
class ReferenceCacheTest {

    /** Monday 08:10 in Nairobi. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    DoctorService doctors;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    private void asAdmin(MutableHttpRequest<?> request) {
        http.toBlocking().exchange(request.bearerAuth(tokens.bearer("ada", Role.ADMIN)));
    }

    @Test
    void restChangesAreSeenAtOnceByTheUssdMenus() {
        Doctor kamau = clinic.doctor("Kamau", "General Medicine", "kamau");
        clinic.patient("Achieng", "+254712000001");
        clinic.patient("Baraka", "+254712000002");
        String before = servicesThenDoctors("+254712000001");
        assertFalse(before.contains("Dermatology") || before.contains("Zawadi"), before);

        asAdmin(HttpRequest.POST("/api/v1/specialties", Map.of("name", "Dermatology")));
        asAdmin(HttpRequest.POST("/api/v1/doctors", Map.of("firstName", "Zawadi", "lastName", "Achola",
                "specialty", kamau.specialty(), "fee", Map.of("amount", new BigDecimal("1000.00")))));

        String after = servicesThenDoctors("+254712000002");
        assertTrue(after.contains("Dermatology") && after.contains("Dr Zawadi Achola"), after);
    }

    /** The service menu, then the General Medicine doctors, as a patient on this phone sees them after "Book". */
    private String servicesThenDoctors(String number) {
        UssdPhone phone = new UssdPhone(http.toBlocking(), number);
        phone.dial();
        String services = phone.type("1");
        return services + "\n" + phone.type(option(services, "General Medicine"));
    }

    /** The number of the screen's option showing {@code label}. */
    private static String option(String screen, String label) {
        return screen.lines().filter(line -> line.endsWith(". " + label)).map(line -> line.substring(0, line.indexOf('.')))
                .findFirst().orElseThrow(() -> new AssertionError(label + " not on " + screen));
    }

    @Test
    void leaveAddedThroughTheApiIsSeenAtOnce() {
        Doctor doctor = clinic.doctor("Leave", "Leave Medicine", "dr.leave");
        LocalDate tuesday = LocalDate.parse("2026-03-03");
        assertEquals(List.of(), doctors.exceptions(doctor.id(), tuesday, tuesday));

        asAdmin(HttpRequest.POST("/api/v1/doctors/" + doctor.id() + "/exceptions", Map.of("date", "2026-03-03", "kind", "LEAVE")));

        assertEquals(1, doctors.exceptions(doctor.id(), tuesday, tuesday).size());
    }

    @Test
    void changesMadeByAnotherInstanceAreSeenAfterTheTimeToLive() {
        Doctor doctor = clinic.doctor("Remote", "Remote Medicine", "dr.remote");
        LocalDate tuesday = LocalDate.parse("2026-03-03");
        assertEquals(List.of(), doctors.exceptions(doctor.id(), tuesday, tuesday));
        assertTrue(doctors.findSpecialty("telehealth").isEmpty());
        assertEquals("Remote", doctors.get(doctor.id()).lastName());

        store.collection("specialties").insertOne(new Document("code", "telehealth").append("name", "Telehealth"));
        store.collection("schedule_exceptions").insertOne(new Document("doctorId", doctor.id())
                .append("date", Date.from(Instant.parse("2026-03-03T00:00:00Z"))).append("kind", "LEAVE"));
        store.collection("doctors").updateOne(new Document("_id", new ObjectId(doctor.id())),
                new Document("$set", new Document("lastName", "Renamed")));

        clock.advance(Duration.ofSeconds(9));
        assertTrue(doctors.findSpecialty("telehealth").isEmpty(), "still the cached copy");
        assertEquals(List.of(), doctors.exceptions(doctor.id(), tuesday, tuesday));
        assertEquals("Remote", doctors.get(doctor.id()).lastName());

        clock.advance(Duration.ofSeconds(1));
        assertEquals("Telehealth", doctors.findSpecialty("telehealth").orElseThrow().name());
        assertEquals(1, doctors.exceptions(doctor.id(), tuesday, tuesday).size());
        assertEquals("Renamed", doctors.get(doctor.id()).lastName());
    }
}
