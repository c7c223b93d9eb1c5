package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a doctor writes to a clinical profile; the whole profile is replaced. */
@Serdeable
record ProfileDetails(
        @NotNull @Size(max = 30) List<@NotNull @Valid Allergy> allergies,
        @NotNull @Size(max = 30) List<@NotNull @Valid ChronicCondition> conditions,
        @Nullable LocalDate pregnancyDueDate,
        boolean breastfeeding,
        @Nullable @DecimalMin("0.3") @DecimalMax("400") @Digits(integer = 3, fraction = 2) BigDecimal weightKg,
        @Nullable @PastOrPresent LocalDate weighedOn) {
}
