package org.afyadial.payments;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The URLs providers call back on: {@code PUBLIC_BASE_URL} (how the internet reaches this service) and a path,
 * with the webhook token the guard of {@code /at/**}, {@code /mpesa/**} and {@code /momo/**} asks for.
 */
@Singleton
public class CallbackUrls {

    private final String publicBaseUrl;
    private final String token;

    CallbackUrls(@Value("${afyadial.public-base-url:}") String publicBaseUrl, @Value("${afyadial.at.webhook.token:}") String token) {
        this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
        this.token = token.strip();
    }

    /** The callback URL of {@code path} (e.g. {@code /momo/callback}); empty while {@code PUBLIC_BASE_URL} is unset. */
    public Optional<String> of(String path) {
        if (publicBaseUrl.isEmpty()) {
            return Optional.empty();
        }
        String query = token.isEmpty() ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return Optional.of(publicBaseUrl + path + query);
    }
}
