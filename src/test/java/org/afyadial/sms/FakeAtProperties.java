package org.afyadial.sms;

import org.afyadial.at.FakeAtServer;

import java.util.HashMap;
import java.util.Map;

/** Properties that point the application at a {@link FakeAtServer} and make dispatching test-driven. */
public final class FakeAtProperties {

    private FakeAtProperties() {
    }

    public static Map<String, String> pointingAt(FakeAtServer fake) {
        Map<String, String> properties = new HashMap<>();
        properties.put("afyadial.at.sms.base-url", fake.baseUrl());
        properties.put("afyadial.at.sms.api-key", "test-api-key");
        properties.put("afyadial.at.sms.username", "afyadial-test");
        properties.put("afyadial.at.sms.sender-id", "AFYADIAL");
        properties.put("afyadial.at.sms.timeout", "5s");
        properties.put("afyadial.sms.schedule-enabled", "false");
        properties.put("afyadial.sms.rate-per-second", "0");
        properties.put("afyadial.sms.retry-backoff", "1ms");
        properties.put("afyadial.sms.quiet-hours", "21:00-07:00");
        return properties;
    }
}
