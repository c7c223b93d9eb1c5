package org.afyadial.at;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;

/**
 * AT's payments product; the account (username, API key) is the SMS one ({@link AtSmsSettings}).
 *
 * @param product {@code AT_PAYMENTS_PRODUCT}: the payment product's name in AT's dashboard; unset, AT mobile
 *                checkout is not offered
 * @param baseUrl {@code AT_PAYMENTS_BASE_URL}: {@code live}, {@code sandbox} or any URL
 * @param timeout read timeout of one call
 */
@ConfigurationProperties("afyadial.at.payments")
record AtPaymentsSettings(@Nullable String product,
                          @Bindable(defaultValue = "sandbox") String baseUrl,
                          @Bindable(defaultValue = "10s") Duration timeout) {

    URI resolvedBaseUrl() {
        return URI.create(switch (baseUrl) {
            case "live" -> "https://payments.africastalking.com";
            case "sandbox" -> "https://payments.sandbox.africastalking.com";
            default -> baseUrl;
        });
    }
}
