package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One test's result as the lab writes it. A test has one result; writing it again is a correction and must say
 * why ({@code correctionReason}), otherwise it is refused.
 */
@Serdeable
record LabResultEntry(
        @NotBlank @Size(max = 80) String test,
        @NotBlank @Size(max = 40) String value,
        @Nullable @Size(max = 20) String unit,
        @Nullable @Size(max = 60) String referenceRange,
        @NotNull Boolean abnormal,
        @Nullable @Size(max = 300) String correctionReason) {

    boolean correction() {
        return correctionReason != null && !correctionReason.isBlank();
    }
}
