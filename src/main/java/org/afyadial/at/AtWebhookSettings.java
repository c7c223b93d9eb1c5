package org.afyadial.at;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Protection of the Africa's Talking webhooks ({@code /at/**}).
 *
 * @param token        {@code AT_WEBHOOK_TOKEN}: when set, every webhook URL must carry {@code ?token=<value>}
 * @param allowedCidrs {@code AT_ALLOWED_CIDRS}: when set, comma-separated address ranges allowed to call webhooks
 */
@ConfigurationProperties("afyadial.at.webhook")
record AtWebhookSettings(@Nullable String token, @Nullable List<String> allowedCidrs) {

    boolean hasToken() {
        return token != null && !token.isBlank();
    }

    List<CidrRange> ranges() {
        return allowedCidrs == null ? List.of()
                : allowedCidrs.stream().map(String::strip).filter(c -> !c.isEmpty()).map(CidrRange::parse).toList();
    }
}
