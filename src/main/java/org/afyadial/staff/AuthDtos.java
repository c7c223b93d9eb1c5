package org.afyadial.staff;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The login, refresh and logout bodies, in the OAuth 2.0 token-response spelling. */
final class AuthDtos {

    private AuthDtos() {
    }

    @Serdeable
    record Credentials(
            @Schema(example = "wanjiru.k") @NotBlank @Size(max = 64) String username,
            @Schema(example = "correct-horse-battery") @NotBlank @Size(max = 128) String password) {
    }

    @Serdeable
    record RefreshRequest(
            @JsonProperty("refresh_token") @Schema(example = "q3Vw0yq7N1aX2m...") @NotBlank @Size(max = 64) String refreshToken) {
    }

    @Serdeable
    record Tokens(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") @Schema(description = "lifetime of the access token in seconds", example = "900") int expiresIn,
            @Schema(example = "[\"RECEPTIONIST\"]") List<String> roles) {
    }
}
