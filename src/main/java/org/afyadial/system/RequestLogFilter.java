package org.afyadial.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request: method, path with query (phone numbers masked by the log pattern), status
 * and duration. Africa's Talking webhooks ({@code /at/**}) are logged at DEBUG: at thousands of
 * USSD hops per second an INFO line each would cost more than the hop.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class RequestLogFilter {

    private static final Logger LOG = LoggerFactory.getLogger("org.afyadial.requests");
    private static final String STARTED = "afyadial.started";

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
                request.getMethod(), request.getUri(), response.code(), (System.nanoTime() - started) / 1_000_000));
    }
}
