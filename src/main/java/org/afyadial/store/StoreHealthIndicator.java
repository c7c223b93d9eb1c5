package org.afyadial.store;

import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import org.bson.Document;

import java.util.Map;

/** {@code /health} is DOWN when the store does not answer a ping (the base class maps the exception). */
@Singleton
class StoreHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Store store;

    StoreHealthIndicator(Store store) {
        this.store = store;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        store.database().runCommand(new Document("ping", 1));
        healthStatus = io.micronaut.health.HealthStatus.UP;
        return Map.of("database", store.database().getName());
    }

    @Override
    protected String getName() {
        return "store";
    }
}
