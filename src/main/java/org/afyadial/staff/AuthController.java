package org.afyadial.staff;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import static org.afyadial.staff.AuthDtos.Credentials;
import static org.afyadial.staff.AuthDtos.RefreshRequest;
import static org.afyadial.staff.AuthDtos.Tokens;

/** Staff sign-in. Login and refresh are open to anyone (they are how a token is obtained). */
@Controller("/api/v1/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Authentication", description = "Staff login, token refresh and logout")
class AuthController {

    private final SignIn signIn;

    AuthController(SignIn signIn) {
        this.signIn = signIn;
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Log in with username and password",
            description = "Answers a JWT access token (15 minutes) and a single-use refresh token. Wrong credentials answer 401; "
                    + "5 failed logins for a username within 15 minutes lock it for 15 minutes (423, even with the right password).")
    Tokens login(@Body @Valid Credentials credentials) {
        return signIn.login(credentials.username(), credentials.password());
    }

    @Post("/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "The refresh token is used up: the answer carries a new one. A used, expired or revoked token answers 401.")
    Tokens refresh(@Body @Valid RefreshRequest request) {
        return signIn.refresh(request.refreshToken());
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Status(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Log out: revoke a refresh token",
            description = "The access token stays valid until it expires (at most 15 minutes); discard it.")
    void logout(@Body @Valid RefreshRequest request, Authentication caller) {
        signIn.logout(caller.getName(), request.refreshToken());
    }
}
