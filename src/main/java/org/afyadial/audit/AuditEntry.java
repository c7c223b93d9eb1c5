package org.afyadial.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One appended line of the audit log: who (user and role, or {@code ussd:<patient id>} for a
 * patient on the phone), did what, to which record, when and from where, and the staff member's note where an
 * action needs one (how a patient's identity was checked before their PIN was reset).
 */
@Serdeable
@MappedEntity("audit_log")
public record AuditEntry(
        @Id @GeneratedValue String id,
        String actor,
        String role,
        String action,
        String targetType,
        String targetId,
        String patientId,
        Instant at,
        String origin,
        @Nullable String note) {
}
