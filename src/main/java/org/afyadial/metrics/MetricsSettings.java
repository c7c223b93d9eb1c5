package org.afyadial.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may scrape {@code GET /metrics} besides an ADMIN.
 *
 * @param token {@code METRICS_TOKEN}, the bearer token a Prometheus server sends; unset: ADMINs only
 */
@ConfigurationProperties("afyadial.metrics")
record MetricsSettings(@Nullable String token) {

    /** Constant-time comparison, so that the answer's timing says nothing about the token. */
    boolean acceptsToken(@Nullable String given) {
        return token != null && !token.isBlank() && given != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
