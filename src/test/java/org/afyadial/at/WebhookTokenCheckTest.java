package org.afyadial.at;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Production does not start with open webhooks, and does start once the token and the staff token secret are set. */
class WebhookTokenCheckTest {

    private static final String JWT_SECRET = "k3Jq9vT2xLw8RzN4mP7sY1dF6hB0cGaE-production";

    @Test
    void productionRefusesToStartWithoutTheWebhookToken() {
        var failure = assertThrows(RuntimeException.class, () -> production(Map.of()).close());

        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        assertTrue(messages.toString().contains("AT_WEBHOOK_TOKEN must be set in production"), messages.toString());
    }

    @Test
    void productionStartsWithTheTokenAndALongSecret() {
        try (ApplicationContext context = production(Map.of("afyadial.at.webhook.token", "webhook-token-of-the-clinic"))) {
            assertTrue(context.isRunning());
        }
    }

    private static ApplicationContext production(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("JWT_SECRET", JWT_SECRET, "afyadial.store.in-memory", true));
        settings.putAll(extra);
        return ApplicationContext.builder().environments("prod").properties(settings).start();
    }
}
