package org.afyadial.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.afyadial.staff.Role;
import org.afyadial.system.ProblemException;

/**
 * The Prometheus scrape endpoint. Open to the {@code METRICS_TOKEN} bearer token (a Prometheus server holds no
 * staff account) and to ADMINs; the route is anonymous to the security rules because such a token is not a JWT.
 */
@Controller("/metrics")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Operations")
class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String BEARER = "Bearer ";

    private final PrometheusMeterRegistry prometheus;
    private final MetricsSettings settings;

    MetricsController(PrometheusMeterRegistry prometheus, MetricsSettings settings) {
        this.prometheus = prometheus;
        this.settings = settings;
    }

    @Get(produces = PROMETHEUS_TEXT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Prometheus metrics", description = "Bearer METRICS_TOKEN, or an ADMIN's access token.")
    String scrape(HttpRequest<?> request, @Nullable Authentication staff) {
        if (staff != null) {
            if (!staff.getRoles().contains(Role.ADMIN.name())) {
                throw new AccessRefused(HttpStatus.FORBIDDEN, "Metrics are for administrators and the metrics token");
            }
        } else if (!settings.acceptsToken(bearer(request))) {
            throw new AccessRefused(HttpStatus.UNAUTHORIZED, "Send the metrics token or an administrator's token");
        }
        return prometheus.scrape();
    }

    private static @Nullable String bearer(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).strip() : null;
    }

    static final class AccessRefused extends ProblemException {
        AccessRefused(HttpStatus status, String detail) {
            super(status, detail);
        }
    }
}
