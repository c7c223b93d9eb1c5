package org.afyadial.clinical;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A prescription as the doctor and the pharmacist see it: the patient by initials and year of birth only, the
 * alerts saved with it and those found now against the current record, and what is already dispensed.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PrescriptionView(String id, String code, String patientId, String patientInitials, Integer patientBirthYear,
                        String prescribedBy, Instant createdAt, List<PrescriptionItem> items, List<Alert> alerts,
                        String overrideReason, List<Alert> currentAlerts, List<Dispensings.Dispensing> dispensed) {
}
