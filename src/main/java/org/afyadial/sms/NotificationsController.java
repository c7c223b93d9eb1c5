package org.afyadial.sms;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.afyadial.audit.AuditTrail;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** What was sent to patients and whether it arrived. */
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

    /** An empty list is still written as {@code "items": []}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NotificationPage(List<Notification> items, int page, int size, long total) {
    }

    private final OutboxStore store;
    private final AuditTrail audit;

    NotificationsController(OutboxStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    @Get
    @Operation(summary = "SMS sent or queued, newest first",
            description = "Filter by patientId and/or status (QUEUED, SENDING, SENT, DELIVERED, FAILED, EXPIRED, CANCELLED).")
    NotificationPage list(@QueryValue @Nullable String patientId, @QueryValue @Nullable OutboxStatus status,
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
        List<Notification> items = store.find(filter, page * size, size).stream().map(Notification::of).toList();
        return new NotificationPage(items, page, size, store.count(filter));
    }
}
