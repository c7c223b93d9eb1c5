package org.afyadial.system;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every answer carries, errors included: browsers take a body for what its type says
 * ({@code nosniff}); pages load only this server's scripts and styles and are never framed (against
 * click-jacking); and nothing that may hold patient data (the API, the simulator) is kept by a
 * browser or proxy cache. Swagger UI's page starts itself with an inline script, which its policy allows.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE) // outermost: also on answers other filters (security) give without the route
class SecurityHeadersFilter {

    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String SWAGGER_UI_POLICY = PAGE_POLICY.replace("default-src 'self';", "default-src 'self'; script-src 'self' 'unsafe-inline';");

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        MutableHttpResponse<?> headers = response
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", path.startsWith("/swagger-ui/") ? SWAGGER_UI_POLICY : PAGE_POLICY);
        if (path.startsWith("/api/") || path.startsWith("/simulator")) {
            headers.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
