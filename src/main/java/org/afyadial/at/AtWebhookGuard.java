package org.afyadial.at;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.runtime.event.annotation.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.List;

/**
 * Africa's Talking neither signs its callbacks nor publishes its addresses, so every {@code /at/**} webhook (and
 * the mobile-money providers' {@code /mpesa/**}, {@code /momo/**}, which sign nothing either) is
 * guarded by a secret in the URL ({@code ?token=}, compared in constant time) and optionally by address
 * allow-lists: {@code AT_ALLOWED_CIDRS} for {@code /at/**}, {@code PAYMENT_ALLOWED_CIDRS} for the payment callbacks
 * ({@code /mpesa/**}, {@code /momo/**}, {@code /at/payments/notification}); a caller must be in every list that is
 * set and covers the path. The caller is the connection's peer; a forwarding header is believed only when
 * {@code micronaut.server.client-address-header} names it (a proxy in front), and then only for the address that
 * proxy appended, the last one: anything before it is whatever the caller wrote. A refused request gets 403 before
 * anything reads its body. The path pattern is a regular expression,
 * as Micronaut's Ant-style matcher splits pattern and path into new strings on every request, every USSD hop here.
 */
@ServerFilter(value = "/(at|mpesa|momo)(/.*)?", patternStyle = FilterPatternStyle.REGEX)
class AtWebhookGuard {

    private static final Logger LOG = LoggerFactory.getLogger(AtWebhookGuard.class);

    private final byte[] token;
    private static final String PAYMENT_NOTIFICATION = "/at/payments/notification";

    private final List<CidrRange> atCallers;
    private final List<CidrRange> paymentCallers;
    private final @Nullable String forwardingHeader;
    private final Counter wrongToken;
    private final Counter outsideRanges;

    AtWebhookGuard(AtWebhookSettings settings, HttpServerConfiguration server, MeterRegistry registry) {
        this.token = settings.hasToken() ? settings.token().getBytes(StandardCharsets.UTF_8) : null;
        this.atCallers = settings.ranges();
        this.paymentCallers = settings.paymentRanges();
        this.forwardingHeader = server.getClientAddressHeader();
        this.wrongToken = rejections(registry, "token");
        this.outsideRanges = rejections(registry, "address");
    }

    private static Counter rejections(MeterRegistry registry, String reason) {
        return Counter.builder("afyadial.webhook.rejections").description("Webhook calls refused, by reason")
                .tag("reason", reason).register(registry);
    }

    @EventListener
    void warnWhenOpen(StartupEvent event) {
        if (token == null) {
            LOG.warn("AT_WEBHOOK_TOKEN is not set: the /at/** webhooks accept any caller (acceptable in development only)");
        }
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (token != null && !tokenMatches(request.getParameters().get("token"))) {
            LOG.warn("Refused {} {}: missing or wrong webhook token", request.getMethod(), request.getPath());
            wrongToken.increment();
            return forbidden();
        }
        String path = request.getPath();
        if (path.startsWith("/at") && !admitted(atCallers, request, "AT_ALLOWED_CIDRS")
                || isPaymentCallback(path) && !admitted(paymentCallers, request, "PAYMENT_ALLOWED_CIDRS")) {
            outsideRanges.increment();
            return forbidden();
        }
        return null;
    }

    private static boolean isPaymentCallback(String path) {
        return path.startsWith("/mpesa") || path.startsWith("/momo") || path.equals(PAYMENT_NOTIFICATION);
    }

    /** Whether the caller is in the ranges, when there are any. */
    private boolean admitted(List<CidrRange> ranges, HttpRequest<?> request, String listName) {
        if (ranges.isEmpty()) {
            return true;
        }
        String caller = caller(request);
        if (caller != null && ranges.stream().anyMatch(range -> range.contains(caller))) {
            return true;
        }
        LOG.warn("Refused {} {} from {}: not in {}", request.getMethod(), request.getPath(), caller, listName);
        return false;
    }

    private @Nullable String caller(HttpRequest<?> request) {
        if (forwardingHeader == null) {
            InetSocketAddress peer = request.getRemoteAddress();
            return peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        }
        List<String> values = request.getHeaders().getAll(forwardingHeader);
        return values.isEmpty() ? null : ForwardedFor.lastHop(values.getLast());
    }

    private boolean tokenMatches(@Nullable String given) {
        return given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<?> forbidden() {
        return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN_TYPE).body("Forbidden");
    }
}
