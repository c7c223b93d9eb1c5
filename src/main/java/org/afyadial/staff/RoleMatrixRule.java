package org.afyadial.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Collection;

/**
 * Enforces {@link RoleMatrix} on {@code /api/v1/**}: a listed endpoint is allowed to the roles of
 * its row and rejected (403) to other authenticated users; an unlisted one is rejected. Anonymous
 * callers get 401. Endpoints outside /api/v1 are left to the other rules.
 */
@Singleton
class RoleMatrixRule implements SecurityRule<HttpRequest<?>> {

    static final String API = "/api/v1/";

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        String path = request.getPath();
        if (!path.startsWith(API) || isAnonymousEndpoint(path)) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        if (authentication == null) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        Collection<String> roles = authentication.getRoles();
        // a HEAD is the GET without its body: the same people may ask
        HttpMethod method = request.getMethod() == HttpMethod.HEAD ? HttpMethod.GET : request.getMethod();
        boolean allowed = RoleMatrix.rowFor(method, path)
                .map(row -> row.roles().stream().anyMatch(role -> roles.contains(role.name())))
                .orElse(false);
        return Publishers.just(allowed ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    private static boolean isAnonymousEndpoint(String path) {
        return path.equals(API + "auth/login") || path.equals(API + "auth/refresh");
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
