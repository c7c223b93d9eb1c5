package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A prescription as saved after the safety check: its items, the alerts found then, and the doctor's reason when a
 * CONTRAINDICATED alert was overridden. {@code code} (unique, digits only) is what a pharmacist types to find it;
 * it counts among the patient's active drugs until {@code activeUntil} (its longest item).
 */
@Serdeable
@MappedEntity("prescriptions")
record Prescription(
        @Id @GeneratedValue String id,
        String code,
        String patientId,
        String prescribedBy,
        List<PrescriptionItem> items,
        List<Alert> alerts,
        @Nullable String overrideReason,
        Instant createdAt,
        Instant activeUntil) {

    Prescription {
        alerts = alerts == null ? List.of() : alerts;
    }
}
