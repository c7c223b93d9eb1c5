package org.afyadial.simulator;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * In the prod environment the simulator and its SMS pane (which would show anyone
 * the texts sent to any number) are gone, even when {@code SIMULATOR_ENABLED=true}.
 */
@MicronautTest(environments = "prod", transactional = false)
@Property(name = "micronaut.security.token.jwt.signatures.secret.generator.secret", value = "a-test-secret-of-more-than-32-bytes-0123456789")
@Property(name = "afyadial.at.webhook.token", value = "a-webhook-token")
@Property(name = "afyadial.simulator.enabled", value = "true")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class SimulatorInProdTest {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/simulator", "/simulator/phone.js", "/simulator/sms?phone=%2B254700555001"})
    void theSimulatorIsGone(String path) {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(path, String.class));
        assertEquals(404, missing.code());
    }
}
