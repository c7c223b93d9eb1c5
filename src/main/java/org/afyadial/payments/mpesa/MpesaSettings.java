package org.afyadial.payments.mpesa;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The clinic's Safaricom Daraja app and paybill.
 *
 * @param baseUrl        {@code MPESA_BASE_URL}: {@code sandbox}, {@code live} or any URL (a local fake in tests)
 * @param consumerKey    {@code MPESA_CONSUMER_KEY} of the Daraja app
 * @param consumerSecret {@code MPESA_CONSUMER_SECRET} of the Daraja app
 * @param shortcode      {@code MPESA_SHORTCODE}: the paybill that receives the money
 * @param passkey        {@code MPESA_PASSKEY}: the paybill's Lipa na M-Pesa Online passkey
 * @param timeout        read timeout of one call to Daraja
 * @param breakerOpenFor how long calls are refused at once after Daraja kept failing
 */
@ConfigurationProperties("afyadial.mpesa")
record MpesaSettings(@Bindable(defaultValue = "sandbox") String baseUrl,
                     @Nullable String consumerKey,
                     @Nullable String consumerSecret,
                     @Nullable String shortcode,
                     @Nullable String passkey,
                     @Bindable(defaultValue = "10s") Duration timeout,
                     @Bindable(defaultValue = "30s") Duration breakerOpenFor) {

    /** Only with all credentials: without them M-Pesa is not offered. */
    boolean configured() {
        return Stream.of(consumerKey, consumerSecret, shortcode, passkey).allMatch(v -> v != null && !v.isBlank());
    }

    URI resolvedBaseUrl() {
        return URI.create(switch (baseUrl) {
            case "live" -> "https://api.safaricom.co.ke";
            case "sandbox" -> "https://sandbox.safaricom.co.ke";
            default -> baseUrl;
        });
    }
}
