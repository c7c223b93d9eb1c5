package org.afyadial.appointments;

import com.mongodb.client.MongoCollection;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.SlotClaims;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.afyadial.appointments.AppointmentServiceTest.FRIDAY_9AM;
import static org.afyadial.appointments.AppointmentServiceTest.MONDAY_9AM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash between the writes of a booking or a reschedule leaves a half-done state, written here into the store as
 * the crash would leave it; the repair leaves no claim without its appointment and every appointment at exactly one
 * slot, never touches a booking still in progress, and changes nothing when run again.
 */
@MicronautTest(transactional = false)
class InterruptedBookingsTest {

    private static final Instant MONDAY_10AM = MONDAY_9AM.plus(Duration.ofHours(1));
    /** Longer than any booking in progress takes. */
    private static final Duration LATER = AbandonedClaims.IN_PROGRESS.plusSeconds(1);

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    InterruptedBookings repair;
    @Inject
    AppointmentService appointments;
    @Inject
    SlotClaims claims;
    @Inject
    ClinicFixture clinic;
    @Inject
    Store store;
    @Inject
    StaffTokens tokens;
    @Inject
    @Client("/")
    HttpClient http;

    Doctor doctor;
    Patient patient;

    @BeforeEach
    void clinic() {
        clock.set(FRIDAY_9AM);
        String unique = Long.toString(System.nanoTime());
        doctor = clinic.doctor("Wanjiru", "Repairs " + unique, "wanjiru" + unique);
        patient = clinic.patient("Halima", "+254711" + unique.substring(unique.length() - 6));
    }

    @Test
    void aClaimWhoseBookingWasNeverSavedIsReleasedOnceNoBookingCanStillBeInProgress() {
        claimLeftBehind(MONDAY_9AM, "AFD-GONE1");

        repair.repair();
        assertEquals(Optional.of("AFD-GONE1"), holder(MONDAY_9AM), "a booking may still be saving it");

        clock.advance(LATER);
        repair.repair();
        assertEquals(Optional.empty(), holder(MONDAY_9AM));
    }

    @Test
    void aClaimOfACancelledAppointmentIsReleasedAndTheClaimsOfOpenOnesStay() {
        Appointment cancelled = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        Appointment open = appointments.book(patient.id(), doctor.id(), MONDAY_10AM, null, Channel.USSD);
        appointmentsCollection().updateOne(eq("reference", cancelled.reference()), set("status", "CANCELLED")); // not released yet

        clock.advance(LATER);
        repair.repair();

        assertEquals(Optional.empty(), holder(MONDAY_9AM));
        assertEquals(Optional.of(open.reference()), holder(MONDAY_10AM));
    }

    @Test
    void aRescheduleCutShortAfterClaimingTheNewTimeKeepsTheAppointmentAtItsOldTime() {
        Appointment booked = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        claimLeftBehind(MONDAY_10AM, "AFD-NEW01"); // the replacement's claim; the replacement was never saved

        clock.advance(LATER);
        repair.repair();

        assertEquals(Optional.of(booked.reference()), holder(MONDAY_9AM));
        assertEquals(Optional.empty(), holder(MONDAY_10AM));
        assertEquals(List.of(booked.id()), openAppointmentIds());
    }

    @Test
    void aRescheduleCutShortAfterSavingTheReplacementIsCompleted() {
        Appointment old = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        Appointment replacement = replacementLeftBehind(old, MONDAY_10AM);

        repair.repair();
        assertEquals(AppointmentStatus.CONFIRMED, appointments.get(old.id()).status(), "the reschedule may still be in progress");

        clock.advance(LATER);
        repair.repair();
        repair.repair();

        Appointment rescheduled = appointments.get(old.id());
        assertEquals(AppointmentStatus.RESCHEDULED, rescheduled.status());
        assertEquals(replacement.id(), rescheduled.rescheduledToId());
        assertEquals(1L + old.version(), rescheduled.version(), "completed once");
        assertEquals(Optional.empty(), holder(MONDAY_9AM));
        assertEquals(Optional.of(replacement.reference()), holder(MONDAY_10AM));
        assertEquals(List.of(replacement.id()), openAppointmentIds());
    }

    @Test
    void aRescheduleCutShortBeforeReleasingTheOldTimeReleasesIt() {
        Appointment old = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        Appointment replacement = appointments.rescheduleByPatient(old.id(), patient.id(), MONDAY_10AM, Channel.USSD);
        claimLeftBehind(MONDAY_9AM, old.reference()); // as it was before the release

        clock.advance(LATER);
        repair.repair();

        assertEquals(Optional.empty(), holder(MONDAY_9AM));
        assertEquals(Optional.of(replacement.reference()), holder(MONDAY_10AM));
        assertEquals(List.of(replacement.id()), openAppointmentIds());
    }

    @Test
    void aTimeTheRepairFreesIsOfferedAndBookedOverHttp() {
        claimLeftBehind(MONDAY_9AM, "AFD-GONE2");
        String bearer = tokens.bearer("reception", Role.RECEPTIONIST);
        String mondaySlots = "/api/v1/doctors/" + doctor.id() + "/slots?from=2026-11-23T05:00:00Z&to=2026-11-23T07:00:00Z";
        assertFalse(offeredStarts(mondaySlots, bearer).contains(MONDAY_9AM.toString()), "refused to every patient");

        clock.advance(LATER);
        repair.repair();

        assertTrue(offeredStarts(mondaySlots, bearer).contains(MONDAY_9AM.toString()));
        Map<String, Object> booking = Map.of("patientId", patient.id(), "doctorId", doctor.id(), "start", MONDAY_9AM.toString());
        assertEquals(HttpStatus.CREATED, http.toBlocking().exchange(HttpRequest.POST("/api/v1/appointments", booking).bearerAuth(bearer)).getStatus());
    }

    /** The claim a crash left on the doctor's start time, as {@link SlotClaims#claim} writes it. */
    private void claimLeftBehind(Instant start, String holder) {
        store.collection("slot_claims").insertOne(new Document("_id", doctor.id() + "|" + start).append("doctorId", doctor.id())
                .append("start", Date.from(start)).append("end", Date.from(start.plus(Duration.ofMinutes(30))))
                .append("holder", holder).append("claimedAt", Date.from(clock.instant())));
    }

    /** A replacement saved with its claim, the old appointment neither marked nor released: a booking linked back. */
    private Appointment replacementLeftBehind(Appointment old, Instant start) {
        Appointment saved = appointments.book(patient.id(), doctor.id(), start, null, Channel.USSD);
        appointmentsCollection().updateOne(eq("_id", new ObjectId(saved.id())), set("previousAppointmentId", old.id()));
        return appointments.get(saved.id());
    }

    private Optional<String> holder(Instant start) {
        return claims.holderOf(doctor.id(), start).map(SlotClaims.Claim::holder);
    }

    private List<String> openAppointmentIds() {
        return appointments.upcomingFor(patient.id()).stream().map(Appointment::id).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> offeredStarts(String uri, String bearer) {
        Map<String, Object> page = http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(bearer), Map.class);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(slot -> (String) slot.get("start")).toList();
    }

    private MongoCollection<Document> appointmentsCollection() {
        return store.collection("appointments");
    }
}
