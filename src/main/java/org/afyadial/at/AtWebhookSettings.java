package org.afyadial.at;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Protection of the webhooks: Africa's Talking's ({@code /at/**}) and the payment providers' callbacks.
 *
 * @param token               {@code AT_WEBHOOK_TOKEN}: when set, every webhook URL must carry {@code ?token=<value>}
 * @param allowedCidrs        {@code AT_ALLOWED_CIDRS}: when set, comma-separated address ranges allowed to call
 *                            {@code /at/**}
 * @param paymentAllowedCidrs {@code PAYMENT_ALLOWED_CIDRS}: when set, comma-separated address ranges allowed to call
 *                            the payment callbacks (Safaricom's and MTN's servers, and AT's for its payment notification)
 */
@ConfigurationProperties("afyadial.at.webhook")
record AtWebhookSettings(@Nullable String token, @Nullable List<String> allowedCidrs, @Nullable List<String> paymentAllowedCidrs) {

    boolean hasToken() {
        return token != null && !token.isBlank();
    }

    List<CidrRange> ranges() {
        return parse(allowedCidrs);
    }

    List<CidrRange> paymentRanges() {
        return parse(paymentAllowedCidrs);
    }

    private static List<CidrRange> parse(@Nullable List<String> cidrs) {
        return cidrs == null ? List.of() : cidrs.stream().map(String::strip).filter(c -> !c.isEmpty()).map(CidrRange::parse).toList();
    }
}
