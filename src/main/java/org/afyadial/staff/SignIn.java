package org.afyadial.staff;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.system.ProblemException;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import static org.afyadial.staff.AuthDtos.Tokens;

/**
 * Login, refresh and logout. A login answers a short-lived JWT (its roles are fixed until it
 * expires) and a single-use refresh token that yields the next pair with the user's current roles.
 */
@Singleton
class SignIn {

    private static final String TARGET = StaffAccounts.TARGET;

    private final StaffUserRepository users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final RefreshTokens refreshTokens;
    private final TokenGenerator tokenGenerator;
    private final AccessTokenConfiguration accessTokens;
    private final AuditTrail audit;
    private final Clock clock;

    SignIn(StaffUserRepository users, Passwords passwords, LoginThrottle throttle, RefreshTokens refreshTokens,
           TokenGenerator tokenGenerator, AccessTokenConfiguration accessTokens, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.refreshTokens = refreshTokens;
        this.tokenGenerator = tokenGenerator;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** A locked username is refused before its password is even checked. */
    Tokens login(String rawUsername, String password) {
        String username = rawUsername.trim().toLowerCase(Locale.ROOT);
        throttle.lockedUntil(username).ifPresent(until -> {
            audit.recordAsStaff(username, List.of(), "auth.login-locked", TARGET, username, null);
            throw new StaffProblems.AccountLocked(until, clock.instant());
        });
        StaffUser user = authenticate(username, password).orElseThrow(() -> failedLogin(username));
        throttle.clear(username);
        Tokens tokens = issue(user);
        audit.recordAsStaff(username, tokens.roles(), "auth.login", TARGET, user.id(), null);
        return tokens;
    }

    /** Exchanges a refresh token, once, for a new pair carrying the user's current roles. */
    Tokens refresh(String refreshToken) {
        StaffUser user = refreshTokens.consume(refreshToken)
                .flatMap(users::findByUsername)
                .filter(StaffUser::enabled)
                .orElseThrow(StaffProblems.InvalidRefreshToken::new);
        Tokens tokens = issue(user);
        audit.recordAsStaff(user.username(), tokens.roles(), "auth.refresh", TARGET, user.id(), null);
        return tokens;
    }

    /** Revokes the caller's refresh token; the access token lapses by itself within minutes. */
    void logout(String username, String refreshToken) {
        refreshTokens.revoke(refreshToken, username);
        audit.record("auth.logout", TARGET, username, null);
    }

    private Optional<StaffUser> authenticate(String username, String password) {
        Optional<StaffUser> user = users.findByUsername(username);
        if (user.isEmpty()) {
            passwords.matchDecoy(password);
        }
        return user.filter(found -> passwords.matches(password, found.passwordHash())).filter(StaffUser::enabled);
    }

    /** Counts the failure; the one that reaches the limit answers "locked" at once. */
    private ProblemException failedLogin(String username) {
        audit.recordAsStaff(username, List.of(), "auth.login-failed", TARGET, username, null);
        return throttle.recordFailure(username)
                .<ProblemException>map(until -> new StaffProblems.AccountLocked(until, clock.instant()))
                .orElseGet(StaffProblems.BadCredentials::new);
    }

    private Tokens issue(StaffUser user) {
        List<String> roles = user.roles().stream().map(Role::name).sorted().toList();
        int lifetime = accessTokens.getExpiration();
        Authentication authentication = Authentication.build(user.username(), roles,
                Map.of(ActiveStaffTokens.PASSWORD_VERSION, user.passwordVersion()));
        String accessToken = tokenGenerator.generateToken(authentication, lifetime)
                .orElseThrow(() -> new IllegalStateException("the JWT generator produced no token"));
        return new Tokens(accessToken, refreshTokens.issue(user.username()), "Bearer", lifetime, roles);
    }
}
