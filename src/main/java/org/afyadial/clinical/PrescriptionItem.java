package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * One drug of a prescription. {@code dose} is what the patient takes each time, as written; {@code doseMg}, when
 * given, lets the safety check compare the daily dose ({@code doseMg} × {@code timesPerDay}) with the maximum.
 */
@Serdeable
public record PrescriptionItem(
        @Schema(example = "Paracetamol") @NotBlank @Size(max = 60) String drug,
        @Schema(example = "tablet") @NotBlank @Size(max = 30) String form,
        @Schema(example = "500 mg") @Nullable @Size(max = 30) String strength,
        @Schema(example = "2 tablets") @NotBlank @Size(max = 30) String dose,
        @Schema(example = "1000") @Nullable @DecimalMin("0.001") @Digits(integer = 6, fraction = 3) BigDecimal doseMg,
        @Schema(example = "3", description = "how many times a day") @Min(1) @Max(24) int timesPerDay,
        @Schema(example = "5", description = "for how many days") @Min(1) @Max(365) int days,
        @Schema(example = "oral") @NotBlank @Size(max = 20) String route) {

    DoseOrder order() {
        return new DoseOrder(drug, doseMg, timesPerDay);
    }
}
