package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An allergy to a drug or a drug class ({@code amoxicillin}, {@code penicillins}, {@code sulfa}), with what it did. */
@Serdeable
public record Allergy(
        @NotBlank @Size(max = 80) String substance,
        @Nullable @Size(max = 120) String reaction,
        @NotNull Level severity) {

    public enum Level { MILD, MODERATE, SEVERE }
}
