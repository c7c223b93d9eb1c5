package org.afyadial.staff;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.afyadial.system.ValidPhone;

import java.time.Instant;

/** What the USSD-access endpoint of a staff account reads and answers. */
final class UssdAccessDtos {

    private UssdAccessDtos() {
    }

    @Serdeable
    record UssdAccessRequest(
            @Schema(example = "+254712345678") @NotBlank @ValidPhone String phone,
            @Schema(example = "4826", description = "4 digits, to be replaced by the user's own PIN at the first dial")
            @NotNull @Pattern(regexp = "\\d{4}", message = "must be exactly 4 digits") String oneTimePin) {
    }

    @Serdeable
    record UssdAccessView(String userId, String phone, boolean pinChangeRequired, Instant grantedAt) {
    }
}
