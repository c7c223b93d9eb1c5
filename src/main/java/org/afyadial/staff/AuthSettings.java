package org.afyadial.staff;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How staff sign in. The access token's lifetime is Micronaut's
 * {@code micronaut.security.token.generator.access-token.expiration} ({@code AUTH_ACCESS_TOKEN_SECONDS}).
 *
 * @param bcryptCost          work factor of new password hashes (each +1 doubles the time of a login)
 * @param refreshTokenTtl     how long a refresh token can be exchanged for new tokens
 * @param maxFailedLogins     failed logins for one username, within {@code failureWindow}, that lock it
 * @param failureWindow       how far back failed logins are counted
 * @param lockDuration        how long a locked username is refused, even with the right password
 * @param activeUserCacheTtl  how long "this user is enabled" is remembered before asking the store again
 */
@ConfigurationProperties("afyadial.auth")
record AuthSettings(
        @Bindable(defaultValue = "12") int bcryptCost,
        @Bindable(defaultValue = "12h") Duration refreshTokenTtl,
        @Bindable(defaultValue = "5") int maxFailedLogins,
        @Bindable(defaultValue = "15m") Duration failureWindow,
        @Bindable(defaultValue = "15m") Duration lockDuration,
        @Bindable(defaultValue = "5s") Duration activeUserCacheTtl) {
}
