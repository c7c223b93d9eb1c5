package org.afyadial.sms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.system.ProblemException;
import org.afyadial.system.PageOf;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** Messages to patients: staff send them here and see what was sent and whether it arrived. */
@Controller("/api/v1/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Notifications")
class NotificationsController {

    /** One outbox message as staff see it. */
    @Serdeable
    record Notification(String id, @Nullable String patientId, String phone, String text, String language,
                        MessageKind kind, OutboxStatus status, SmsEncoding.Encoding encoding, int segments, int attempts,
                        @Nullable String lastError, Instant notBefore, Instant createdAt, @Nullable Instant sentAt,
                        @Nullable Instant deliveredAt) {

        static Notification of(OutboxMessage m) {
            return new Notification(m.id(), m.patientId(), m.phone(), m.text(), m.language(), m.kind(), m.status(),
                    m.encoding(), m.segments(), m.attempts(), m.lastError(), m.notBefore(), m.createdAt(), m.sentAt(),
                    m.deliveredAt());
        }
    }

    /** A message typed by staff; {@code idempotencyKey} lets a client retry without sending twice. */
    @Serdeable
    record StaffSms(
            @Schema(example = "66f0c3a2b1e4d52a9c0d1e2f") @NotBlank String patientId,
            @Schema(example = "Your lab results are ready, please come to the clinic.") @NotBlank @Size(max = 459) String text,
            @Schema(example = "lab-results-2026-03-03") @Nullable @Size(max = 100) String idempotencyKey) {
    }

    static final class PhoneUnusable extends ProblemException {
        PhoneUnusable() {
            super(HttpStatus.CONFLICT, "The patient's phone number was refused by the SMS provider; correct it first");
        }
    }

    private final OutboxStore store;
    private final Outbox outbox;
    private final PatientService patients;
    private final AuditTrail audit;

    NotificationsController(OutboxStore store, Outbox outbox, PatientService patients, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.patients = patients;
        this.audit = audit;
    }

    @Post("/sms")
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Send an SMS to a patient",
            description = "Queued at once and sent by the dispatcher, also to patients who sent STOP (a staff message is essential). "
                    + "Sending again with the same idempotencyKey returns the first message.")
    Notification send(@Body @Valid StaffSms sms) {
        Patient patient = patients.get(sms.patientId());
        if (patient.phoneInvalid()) {
            throw new PhoneUnusable();
        }
        String key = "staff:" + (sms.idempotencyKey() == null ? UUID.randomUUID() : patient.id() + ":" + sms.idempotencyKey());
        OutboxMessage message = outbox.queue(SmsRequest.now(key, patient.id(), patient.phone(), patient.language().name(),
                        sms.text().strip(), MessageKind.STAFF))
                .orElseGet(() -> store.find(eq("idempotencyKey", key), 0, 1).getFirst());
        audit.record("notification.sms", "sms", message.id(), patient.id());
        return Notification.of(message);
    }

    @Get
    @Operation(summary = "SMS sent or queued, newest first",
            description = "Filter by patientId and/or status (QUEUED, SENDING, SENT, DELIVERED, FAILED, EXPIRED, CANCELLED).")
    PageOf<Notification> list(@QueryValue @Nullable String patientId, @QueryValue @Nullable OutboxStatus status,
                          @QueryValue(defaultValue = "0") @Min(0) int page,
                          @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size) {
        List<Bson> filters = new ArrayList<>();
        if (patientId != null) {
            filters.add(eq("patientId", patientId));
            audit.record("notifications.read", "patient", patientId, patientId);
        }
        if (status != null) {
            filters.add(eq("status", status.name()));
        }
        Bson filter = filters.isEmpty() ? new Document() : and(filters);
        List<Notification> items = store.find(filter, PageOf.offset(page, size), size).stream().map(Notification::of).toList();
        return new PageOf<>(items, page, size, store.count(filter));
    }
}
