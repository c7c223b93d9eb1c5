package org.afyadial.patients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.afyadial.system.ValidPhone;

import java.util.List;

/**
 * What staff or the patient give about a patient: the editable part of the record, used to
 * register and to update. The phone is read in any local or international form and stored in E.164.
 */
@Serdeable
public record PatientDetails(
        @NotBlank @Size(max = 60) String firstName,
        @NotBlank @Size(max = 60) String lastName,
        @NotBlank @ValidPhone String phone,
        @Nullable @BirthYear Integer birthYear,
        @Nullable Sex sex,
        @NotNull Language language,
        @Nullable List<@NotBlank @Size(max = 80) String> allergies,
        @Nullable List<@NotBlank @Size(max = 80) String> chronicConditions,
        @Nullable Boolean pregnant,
        @Nullable @Pattern(regexp = BloodTypes.PATTERN, message = "must be one of A+, A-, B+, B-, AB+, AB-, O+, O-") String bloodType,
        boolean smsOptIn) {

    public PatientDetails {
        allergies = allergies == null ? List.of() : List.copyOf(allergies);
        chronicConditions = chronicConditions == null ? List.of() : List.copyOf(chronicConditions);
    }

    /** The minimum a patient gives on USSD: name, phone, language; SMS reminders on. */
    public static PatientDetails minimal(String firstName, String lastName, String phone, Language language) {
        return new PatientDetails(firstName, lastName, phone, null, null, language, List.of(), List.of(), null, null, true);
    }
}
