package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * Vital signs taken at a consultation, each in the unit its name says. The ranges are what a living patient can
 * show: a value outside them is a typing or unit mistake (Fahrenheit, mg/dL, pounds), refused rather than stored.
 */
@Serdeable
record Vitals(
        @Nullable @DecimalMin("30.0") @DecimalMax("45.0") @Digits(integer = 2, fraction = 1) BigDecimal temperatureCelsius,
        @Nullable @Valid BloodPressure bloodPressure,
        @Nullable @Min(20) @Max(250) Integer pulsePerMinute,
        @Nullable @DecimalMin("0.3") @DecimalMax("400") @Digits(integer = 3, fraction = 2) BigDecimal weightKg,
        @Nullable @DecimalMin("0.5") @DecimalMax("60.0") @Digits(integer = 2, fraction = 1) BigDecimal bloodGlucoseMmolPerL) {

    /** Both pressures in mmHg; the diastolic is below the systolic (checked by the consultation). */
    @Serdeable
    record BloodPressure(@NotNull @Min(50) @Max(300) Integer systolicMmHg, @NotNull @Min(20) @Max(200) Integer diastolicMmHg) {

        boolean consistent() {
            return diastolicMmHg < systolicMmHg;
        }
    }
}
