package org.afyadial.at;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * The Africa's Talking SMS account.
 *
 * @param baseUrl  {@code AT_SMS_BASE_URL}: {@code live}, {@code sandbox} or any URL (a local fake in tests)
 * @param username {@code AT_USERNAME}: the AT application's username ({@code sandbox} on the sandbox)
 * @param apiKey   {@code AT_API_KEY}: without it, SMS are not sent to AT but shown in the simulator
 * @param senderId {@code AT_SENDER_ID}: short code or alphanumeric sender id; empty = AT's default
 * @param timeout  read timeout of one call; a timeout is a transient failure and is retried
 */
@ConfigurationProperties("afyadial.at.sms")
record AtSmsSettings(
        @Bindable(defaultValue = "sandbox") String baseUrl,
        @Bindable(defaultValue = "sandbox") String username,
        @Nullable String apiKey,
        @Nullable String senderId,
        @Bindable(defaultValue = "10s") Duration timeout) {

    URI resolvedBaseUrl() {
        return URI.create(switch (baseUrl) {
            case "live" -> "https://api.africastalking.com";
            case "sandbox" -> "https://api.sandbox.africastalking.com";
            default -> baseUrl;
        });
    }
}
