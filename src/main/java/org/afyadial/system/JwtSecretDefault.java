package org.afyadial.system;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * {@code JWT_SECRET} signs staff tokens. In production ({@code MICRONAUT_ENVIRONMENTS=prod}) it is
 * required; elsewhere a random one is generated per start (tokens die with a restart) and a warning says so.
 */
@ContextConfigurer
public class JwtSecretDefault implements ApplicationContextConfigurer {

    static final String GENERATED = "afyadial.jwt.generated-secret";
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecretDefault.class);

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (System.getenv("JWT_SECRET") != null) {
            return;
        }
        String environments = String.valueOf(System.getenv("MICRONAUT_ENVIRONMENTS"));
        if (environments.contains("prod")) {
            throw new IllegalStateException("JWT_SECRET must be set in production (at least 32 random characters)");
        }
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        builder.properties(Map.of(GENERATED, Base64.getEncoder().encodeToString(secret)));
        LOG.warn("JWT_SECRET is not set: using a random secret for this run; staff tokens will not survive a restart");
    }
}
