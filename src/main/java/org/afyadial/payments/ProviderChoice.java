package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the provider for a patient's network from {@code payments/networks.yaml}; only configured providers are
 * offered. The development provider stands in when no real provider has credentials.
 */
@Singleton
class ProviderChoice {

    private static final String TABLE = "payments/networks.yaml";

    private final Map<String, Provider> byNetwork;
    private final Map<Provider, PaymentProvider> configured;

    ProviderChoice(List<PaymentProvider> providers) {
        this.byNetwork = readTable();
        this.configured = providers.stream().filter(PaymentProvider::configured)
                .collect(Collectors.toMap(PaymentProvider::id, p -> p));
    }

    Optional<PaymentProvider> forNetwork(@Nullable String networkCode) {
        Provider preferred = networkCode == null ? null : byNetwork.get(networkCode);
        if (preferred != null && configured.containsKey(preferred)) {
            return Optional.of(configured.get(preferred));
        }
        if (configured.containsKey(Provider.AT_CHECKOUT)) {
            return Optional.of(configured.get(Provider.AT_CHECKOUT));
        }
        boolean anyReal = configured.keySet().stream().anyMatch(p -> p != Provider.DEVELOPMENT);
        return anyReal ? Optional.empty() : Optional.ofNullable(configured.get(Provider.DEVELOPMENT));
    }

    Optional<PaymentProvider> find(Provider provider) {
        return Optional.ofNullable(configured.get(provider));
    }

    private static Map<String, Provider> readTable() {
        try (InputStream in = ProviderChoice.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the classpath");
            }
            Map<String, String> table = new Yaml().load(in);
            return table.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> Provider.valueOf(e.getValue())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
