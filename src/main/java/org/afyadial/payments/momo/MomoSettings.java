package org.afyadial.payments.momo;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The MTN MoMo collection account (momodeveloper.mtn.com: a subscription key of the Collection product and an API
 * user with its key).
 *
 * @param baseUrl           {@code MOMO_BASE_URL}: {@code sandbox}, {@code live} or any URL
 * @param subscriptionKey   {@code MOMO_SUBSCRIPTION_KEY}: the Collection product's primary key
 * @param apiUser           {@code MOMO_API_USER}: the API user's id (a UUID)
 * @param apiKey            {@code MOMO_API_KEY}: the API user's key
 * @param targetEnvironment {@code MOMO_TARGET_ENVIRONMENT}: {@code sandbox}, or the live one MTN names
 *                          ({@code mtnuganda}, {@code mtnghana}, {@code mtncameroon}...)
 * @param timeout           read timeout of one call
 */
@ConfigurationProperties("afyadial.payments.momo")
record MomoSettings(@Bindable(defaultValue = "sandbox") String baseUrl,
                    @Nullable String subscriptionKey,
                    @Nullable String apiUser,
                    @Nullable String apiKey,
                    @Bindable(defaultValue = "sandbox") String targetEnvironment,
                    @Bindable(defaultValue = "10s") Duration timeout) {

    boolean configured() {
        return Stream.of(subscriptionKey, apiUser, apiKey).allMatch(v -> v != null && !v.isBlank());
    }

    URI resolvedBaseUrl() {
        return URI.create(switch (baseUrl) {
            case "sandbox" -> "https://sandbox.momodeveloper.mtn.com";
            case "live" -> "https://proxy.momoapi.mtn.com";
            default -> baseUrl;
        });
    }
}
