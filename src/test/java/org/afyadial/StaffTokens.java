package org.afyadial;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import org.afyadial.staff.Role;
import org.afyadial.staff.StaffFixtures;

import java.util.Arrays;
import java.util.List;

/**
 * Bearer tokens for tests that exercise an endpoint as a given member of staff. The user is
 * created (or updated to these roles and enabled) first: tokens of unknown or disabled users
 * are refused.
 */
@Singleton
public class StaffTokens {

    private final TokenGenerator tokens;
    private final StaffFixtures staff;

    StaffTokens(TokenGenerator tokens, StaffFixtures staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    public String bearer(String username, Role... roles) {
        List<Role> granted = Arrays.asList(roles);
        staff.ensureActive(username, granted);
        List<String> names = granted.stream().map(Role::name).toList();
        return tokens.generateToken(Authentication.build(username, names), 900)
                .orElseThrow(() -> new IllegalStateException("no token generated"));
    }
}
