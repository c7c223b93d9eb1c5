package org.afyadial.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line per request: method, path with the query's names (values only where they name no one), status
 * and duration. Africa's Talking webhooks ({@code /at/**}) are logged at DEBUG: at thousands of
 * USSD hops per second an INFO line each would cost more than the hop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger("org.afyadial.requests");
    private static final String STARTED = "afyadial.started";
    /** Query parameters that never name or reach a person. */
    private static final Set<String> SHOWN_VALUES = Set.of("page", "size", "sort", "status", "from", "to", "date", "specialty");

    @RequestFilter
    void start(HttpRequest<?> request) {
        boolean webhook = request.getPath().startsWith("/at/");
        if (webhook ? LOG.isDebugEnabled() : LOG.isInfoEnabled()) {
            request.setAttribute(STARTED, System.nanoTime());
        }
    }

    @ResponseFilter
    void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(STARTED, Long.class).ifPresent(started -> LOG.info("{} {} -> {} in {} ms",
                request.getMethod(), loggable(request), response.code(), (System.nanoTime() - started) / 1_000_000));
    }

    /** The path, and the query with the values of {@link #SHOWN_VALUES} only: a search's name or phone stays out of the log. */
    static String loggable(HttpRequest<?> request) {
        var parameters = request.getParameters();
        if (parameters.isEmpty()) {
            return request.getPath();
        }
        return request.getPath() + "?" + parameters.names().stream().sorted()
                .map(name -> name + "=" + (SHOWN_VALUES.contains(name) ? String.join(",", parameters.getAll(name)) : "…"))
                .collect(Collectors.joining("&"));
    }
}
