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
 * A signed, unexpired token is accepted only while its user exists and is enabled, and while the password it
 * was issued under is still the user's: disabling an account or resetting its password stops its tokens at
 * once on this instance (and within {@code activeUserCacheTtl} on the others). Roles are read from the token:
 * a role change takes effect at the user's next token.
 */
@Singleton
class ActiveStaffTokens implements GenericJwtClaimsValidator<HttpRequest<?>> {

    /** The claim naming the password a token was issued under ({@link StaffUser#passwordVersion()}). */
    static final String PASSWORD_VERSION = "pwv";

    private record Verdict(boolean active, long passwordVersion, Instant checkedAt) {
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
        if (!(claims.get(Claims.SUBJECT) instanceof String username)) {
            return false;
        }
        Verdict verdict = verdict(username.toLowerCase(Locale.ROOT));
        return verdict.active() && (!(claims.get(PASSWORD_VERSION) instanceof Number issuedUnder)
                || issuedUnder.longValue() == verdict.passwordVersion());
    }

    /** Drops what is remembered about {@code username}, after its account changed. */
    void forget(String username) {
        recent.remove(username);
    }

    private Verdict verdict(String username) {
        Instant now = clock.instant();
        Verdict known = recent.get(username);
        if (known != null && known.checkedAt().plus(settings.activeUserCacheTtl()).isAfter(now)) {
            return known;
        }
        Verdict fresh = users.findByUsername(username)
                .map(user -> new Verdict(user.enabled(), user.passwordVersion(), now))
                .orElse(new Verdict(false, 0, now));
        recent.put(username, fresh);
        return fresh;
    }
}
