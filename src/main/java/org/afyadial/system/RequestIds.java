package org.afyadial.system;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id a clinic can quote: the caller's {@code X-Request-Id} when it is a sane token (a proxy's
 * or load balancer's id), else a new one. It is in the logs' MDC ({@code requestId}) while the request is served,
 * in the response's {@code X-Request-Id} header and in every problem document. Runs before the security filter,
 * so refusals carry it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(RequestIds.FIRST)
class RequestIds {

    /** {@code ServerFilterPhase.FIRST.order()}, as a constant. */
    static final int FIRST = -1000;
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "afyadial.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : generate();
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String id = of(request);
        if (id != null) {
            response.getHeaders().set(HEADER, id);
        }
    }

    static @Nullable String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }

    /** 16 hex digits: unique enough to find a request in a day's logs, and cheaper than a UUID on every USSD hop. */
    private static String generate() {
        return "%016x".formatted(ThreadLocalRandom.current().nextLong());
    }
}
