package org.afyadial;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import org.afyadial.staff.Role;

import java.util.List;

/** Bearer tokens for tests that exercise an endpoint as a given member of staff. */
@Singleton
public class StaffTokens {

    private final TokenGenerator tokens;

    StaffTokens(TokenGenerator tokens) {
        this.tokens = tokens;
    }

    public String bearer(String username, Role... roles) {
        List<String> names = java.util.Arrays.stream(roles).map(Role::name).toList();
        return tokens.generateToken(Authentication.build(username, names), 900)
                .orElseThrow(() -> new IllegalStateException("no token generated"));
    }
}
