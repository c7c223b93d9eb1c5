package org.afyadial.sms;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.regex;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A crash between an appointment's write and its messages' leaves a half-done change, made here in the store as the
 * crash would leave it; the settling run at the next start completes it, and running it again changes nothing.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
class UnsettledAppointmentMessagesTest {

    private static final Instant FRIDAY_9AM = Instant.parse("2026-11-20T06:00:00Z");
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    ClinicFixture clinic;
    @Inject
    AppointmentService appointments;
    @Inject
    UnsettledAppointmentMessages unsettled;
    @Inject
    Store store;

    Doctor doctor;
    Patient patient;

    @BeforeEach
    void clinic() {
        clock.set(FRIDAY_9AM);
        String unique = Long.toString(System.nanoTime());
        doctor = clinic.doctor("Wanjiru", "General " + unique, "wanjiru" + unique);
        patient = clinic.patient("Halima", "+254711" + unique.substring(unique.length() - 6));
    }

    @Test
    void aBookingStoredWithoutItsMessagesGetsItsConfirmationAndReminders() {
        Appointment booked = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        Map<String, String> queued = messagesOf(booked);
        outbox().deleteMany(regex("idempotencyKey", ":" + booked.id())); // the crash came before they were queued

        clock.set(FRIDAY_9AM.plus(Duration.ofMinutes(5)));
        unsettled.settleRecentChanges();
        unsettled.settleRecentChanges();

        assertEquals(Map.of("confirmation:" + booked.id(), "QUEUED", "reminder:" + booked.id() + ":24h", "QUEUED",
                "reminder:" + booked.id() + ":2h", "QUEUED"), messagesOf(booked));
        assertEquals(queued, messagesOf(booked), "the same messages as the booking queues");
    }

    @Test
    void aCancellationStoredWithItsRemindersStillQueuedCancelsThem() {
        Appointment booked = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        appointments.cancelByStaff(booked.id(), "doctor away", null);
        outbox().updateMany(regex("idempotencyKey", "^reminder:" + booked.id()), // the crash came before they were cancelled
                new Document("$set", new Document("status", "QUEUED")));

        unsettled.settleRecentChanges();

        assertEquals("CANCELLED", messagesOf(booked).get("reminder:" + booked.id() + ":24h"));
        assertEquals("CANCELLED", messagesOf(booked).get("reminder:" + booked.id() + ":2h"));
    }

    @Test
    void aRescheduleStoredWithTheOldRemindersStillQueuedCancelsThemAndQueuesTheNewOnes() {
        Appointment first = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        Appointment moved = appointments.reschedule(first.id(), MONDAY_9AM.plus(Duration.ofHours(1)), null);
        outbox().updateMany(regex("idempotencyKey", "^reminder:" + first.id()), new Document("$set", new Document("status", "QUEUED")));
        outbox().deleteMany(regex("idempotencyKey", ":" + moved.id()));

        unsettled.settleRecentChanges();

        assertEquals("CANCELLED", messagesOf(first).get("reminder:" + first.id() + ":24h"));
        assertEquals("QUEUED", messagesOf(moved).get("reminder:" + moved.id() + ":24h"));
        assertEquals("QUEUED", messagesOf(moved).get("confirmation:" + moved.id()));
    }

    private com.mongodb.client.MongoCollection<Document> outbox() {
        return store.collection(OutboxStore.COLLECTION);
    }

    /** The appointment's messages: status by idempotency key. */
    private Map<String, String> messagesOf(Appointment appointment) {
        List<Document> messages = outbox().find(regex("idempotencyKey", ":" + appointment.id())).into(new java.util.ArrayList<>());
        return messages.stream().collect(Collectors.toMap(m -> m.getString("idempotencyKey"), m -> m.getString("status")));
    }
}
