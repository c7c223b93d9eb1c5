package org.afyadial.staff;

import org.afyadial.system.PageOf;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import static org.afyadial.staff.UserDtos.NewUser;
import static org.afyadial.staff.UserDtos.PasswordReset;
import static org.afyadial.staff.UserDtos.RolesChange;
import static org.afyadial.staff.UserDtos.UserView;

/** Staff accounts, for administrators ({@link RoleMatrix} has the rows). */
@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Staff users", description = "Accounts of clinic staff and their roles (ADMIN only)")
@SecurityRequirement(name = "bearer")
class UserController {

    private final StaffAccounts accounts;

    UserController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a staff user",
            description = "Usernames are 3-32 lower-case letters, digits, '.', '_' or '-'; passwords 10-128 characters, not only spaces, not one character repeated, not a common password, not containing the username. A taken username answers 409.")
    UserView create(@Body @Valid NewUser user) {
        return accounts.create(user);
    }

    @Get
    @Operation(summary = "List staff users", description = "Sorted by username; pages count from 0.")
    PageOf<UserView> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        return accounts.list(page, size);
    }

    @Get("/{id}")
    @Operation(summary = "Get a staff user")
    UserView get(@PathVariable String id) {
        return accounts.get(id);
    }

    @Put("/{id}/roles")
    @Operation(summary = "Replace a user's roles (409 when it would leave no enabled ADMIN)",
            description = "Takes effect at the user's next token (login or refresh); access tokens already issued keep their roles until they expire (15 minutes).")
    UserView changeRoles(@PathVariable String id, @Body @Valid RolesChange change) {
        return accounts.changeRoles(id, change.roles());
    }

    @Post("/{id}/disable")
    @Operation(summary = "Disable a user", description = "Their access tokens stop working at once and their refresh tokens are revoked.")
    UserView disable(@PathVariable String id) {
        return accounts.disable(id);
    }

    @Post("/{id}/enable")
    @Operation(summary = "Enable a disabled user")
    UserView enable(@PathVariable String id) {
        return accounts.enable(id);
    }

    @Post("/{id}/password")
    @Operation(summary = "Reset a user's password", description = "Revokes the user's refresh tokens: they log in again with the new password.")
    UserView resetPassword(@PathVariable String id, @Body @Valid PasswordReset reset) {
        return accounts.resetPassword(id, reset.password());
    }
}
