package org.afyadial.system;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.order.Ordered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * {@code JWT_SECRET} signs staff tokens, exactly as given. In production ({@code MICRONAUT_ENVIRONMENTS=prod}) it is
 * required (see {@link JwtSecretCheck}); elsewhere a random one is generated per start (tokens die with a restart)
 * and a warning says so. The generated secret is given as the property {@code JWT_SECRET} itself, of the lowest
 * precedence, because a placeholder's default cannot nest another placeholder (it ends at the first brace).
 */
@ContextConfigurer
public class JwtSecretDefault implements ApplicationContextConfigurer {

    static final String VARIABLE = "JWT_SECRET";
    /** The secret generated for this run, so that the production check can tell it from a configured one. */
    static final String GENERATED = "afyadial.jwt.generated-secret";
    private static final Logger LOG = LoggerFactory.getLogger(JwtSecretDefault.class);

    @Override
    public void configure(ApplicationContextBuilder builder) {
        if (System.getenv(VARIABLE) != null) {
            return;
        }
        String environments = String.valueOf(System.getenv("MICRONAUT_ENVIRONMENTS"));
        if (environments.contains("prod")) {
            throw new IllegalStateException(JwtSecretCheck.REQUIRED);
        }
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        String generated = Base64.getEncoder().encodeToString(secret);
        // first in order, so last in precedence: a JWT_SECRET from anywhere else still wins
        builder.propertySources(PropertySource.of("generated-jwt-secret", Map.of(VARIABLE, generated, GENERATED, generated),
                Ordered.HIGHEST_PRECEDENCE));
        LOG.warn("JWT_SECRET is not set: using a random secret for this run; staff tokens will not survive a restart");
    }
}
