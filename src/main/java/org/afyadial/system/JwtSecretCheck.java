package org.afyadial.system;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;

/**
 * In production the staff token secret must be configured and long enough for HS256 (32 bytes): a short one would
 * start and then fail every login, a generated one would end every session at the next restart.
 */
@Context
@Requires(env = "prod")
class JwtSecretCheck {

    static final String REQUIRED = "JWT_SECRET must be set in production to at least 32 random characters "
            + "(e.g. openssl rand -base64 48)";
    private static final int MIN_BYTES = 32;

    JwtSecretCheck(@Nullable @Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret") String secret,
                   @Nullable @Property(name = JwtSecretDefault.GENERATED) String generated) {
        if (secret == null || secret.equals(generated) || secret.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalStateException(REQUIRED);
        }
    }
}
