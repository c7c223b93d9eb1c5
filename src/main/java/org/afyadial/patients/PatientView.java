package org.afyadial.patients;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A patient as the REST API shows it; the PIN hash and search keys stay inside. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record PatientView(
        String id,
        String identifier,
        String firstName,
        String lastName,
        String phone,
        Integer birthYear,
        Sex sex,
        Language language,
        List<String> allergies,
        List<String> chronicConditions,
        Boolean pregnant,
        String bloodType,
        boolean smsOptIn,
        boolean hasPin,
        boolean phoneInvalid,
        Instant createdAt,
        Instant updatedAt) {

    static PatientView of(Patient p) {
        return new PatientView(p.id(), p.identifier(), p.firstName(), p.lastName(), p.phone(), p.birthYear(), p.sex(),
                p.language(), p.allergies(), p.chronicConditions(), p.pregnant(), p.bloodType(), p.smsOptIn(),
                p.hasPin(), p.phoneInvalid(), p.createdAt(), p.updatedAt());
    }
}
