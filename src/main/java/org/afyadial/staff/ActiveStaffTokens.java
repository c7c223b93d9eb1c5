package org.afyadial.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A signed, unexpired token is accepted only while its user exists and is enabled, so disabling
 * an account stops its tokens at once on this instance (and within {@code activeUserCacheTtl} on
 * the others). Roles are read from the token: a role change takes effect at the user's next token.
 */
@Singleton
class ActiveStaffTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private record Verdict(boolean active, Instant checkedAt) {
    }

    private final StaffUserRepository users;
    private final Clock clock;
    private final AuthSettings settings;
    private final Map<String, Verdict> recent = new ConcurrentHashMap<>();

    ActiveStaffTokens(StaffUserRepository users, Clock clock, AuthSettings settings) {
        this.users = users;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        return claims.get(Claims.SUBJECT) instanceof String username && isActive(username.toLowerCase(Locale.ROOT));
    }

    /** Drops what is remembered about {@code username}, after its account changed. */
    void forget(String username) {
        recent.remove(username);
    }

    private boolean isActive(String username) {
        Instant now = clock.instant();
        Verdict known = recent.get(username);
        if (known != null && known.checkedAt().plus(settings.activeUserCacheTtl()).isAfter(now)) {
            return known.active();
        }
        boolean active = users.findByUsername(username).map(StaffUser::enabled).orElse(false);
        recent.put(username, new Verdict(active, now));
        return active;
    }
}
