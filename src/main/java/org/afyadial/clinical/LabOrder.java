package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tests a doctor ordered for a patient. OPEN until every test has a result; it then becomes RESULTED once (a
 * conditional update), which is when the patient is told the results are ready.
 */
@Serdeable
@MappedEntity(LabOrder.COLLECTION)
record LabOrder(
        @Id @GeneratedValue String id,
        String patientId,
        String orderedBy,
        @Nullable String consultationId,
        List<String> tests,
        Status status,
        Instant createdAt,
        @Nullable Instant resultedAt) {

    static final String COLLECTION = "lab_orders";

    enum Status { OPEN, RESULTED }

    /** The order's own spelling of a test, found whatever its case. */
    Optional<String> test(String name) {
        return tests.stream().filter(t -> t.equalsIgnoreCase(name.strip())).findFirst();
    }
}
