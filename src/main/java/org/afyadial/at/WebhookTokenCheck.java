package org.afyadial.at;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * In production the webhooks must carry {@code AT_WEBHOOK_TOKEN}: without it anyone can post forged inbound SMS
 * (opting patients out, queueing texts to any number) and walk the USSD menus.
 */
@Context
@Requires(env = "prod")
class WebhookTokenCheck {

    static final String REQUIRED = "AT_WEBHOOK_TOKEN must be set in production (a long random value; Africa's Talking "
            + "calls the /at/** webhooks with ?token=<it>)";

    WebhookTokenCheck(AtWebhookSettings settings) {
        if (!settings.hasToken()) {
            throw new IllegalStateException(REQUIRED);
        }
    }
}
