package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the bills and payments endpoints. Amounts are minor units of the clinic's currency. */
final class BillRequests {

    private BillRequests() {
    }

    @Serdeable
    record NewBill(@NotBlank String patientId, @NotEmpty @Size(max = 50) List<@Valid NewLine> lines) {
    }

    @Serdeable
    record NewLine(@Schema(example = "Malaria test") @NotBlank @Size(max = 80) String description,
                   @Schema(description = "minor units (cents)", example = "50000") @Positive long amount) {
    }

    @Serdeable
    record ManualPayment(@Schema(description = "minor units (cents)", example = "50000") @Positive long amount,
                         @Nullable @Size(max = 200) String note) {
    }

    @Serdeable
    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @Serdeable
    record Match(@NotBlank String billId) {
    }
}
