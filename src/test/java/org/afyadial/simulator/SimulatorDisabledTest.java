package org.afyadial.simulator;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code SIMULATOR_ENABLED=false} (the prod default) removes the page. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.simulator.enabled", value = "false")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class SimulatorDisabledTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void thePageIsGone() {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange("/simulator", String.class));
        assertEquals(404, missing.code());
    }
}
