package org.afyadial.staff;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Set;

/** What the user-management endpoints read and answer. */
final class UserDtos {

    static final String USERNAME_RULE = "^[a-z0-9][a-z0-9._-]{2,31}$";
    static final String USERNAME_MESSAGE = "must be 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String PASSWORD_MESSAGE = "must be 10 to 128 characters";

    private UserDtos() {
    }

    @Serdeable
    record NewUser(
            @Schema(example = "wanjiru.k") @NotNull @Pattern(regexp = USERNAME_RULE, message = USERNAME_MESSAGE) String username,
            @Schema(example = "correct-horse-battery") @NotNull @Size(min = 10, max = 128, message = PASSWORD_MESSAGE) String password,
            @Schema(example = "[\"RECEPTIONIST\"]") @NotEmpty Set<@NotNull Role> roles) {
    }

    @Serdeable
    record RolesChange(@Schema(example = "[\"DOCTOR\",\"RECEPTIONIST\"]") @NotEmpty Set<@NotNull Role> roles) {
    }

    @Serdeable
    record PasswordReset(@Schema(example = "a-new-long-passphrase") @NotNull @Size(min = 10, max = 128, message = PASSWORD_MESSAGE) String password) {
    }

    @Serdeable
    record UserView(String id, String username, Set<Role> roles, boolean enabled, Instant createdAt, Instant passwordChangedAt) {
        static UserView of(StaffUser user) {
            return new UserView(user.id(), user.username(), user.roles(), user.enabled(), user.createdAt(), user.passwordChangedAt());
        }
    }
}
