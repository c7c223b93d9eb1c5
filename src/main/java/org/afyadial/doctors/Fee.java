package org.afyadial.doctors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

/** A consultation fee: a decimal amount (never a double) in an ISO 4217 currency, the clinic's by default. */
@Serdeable
public record Fee(
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Nullable @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as KES") String currency) {
}
