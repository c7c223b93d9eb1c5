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
 * With {@code AT_API_KEY} set, SMS are real: the simulator and its SMS pane (which would show anyone
 * the texts sent to any number) are gone, even when {@code SIMULATOR_ENABLED=true}.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.sms.api-key", value = "a-live-key")
@Property(name = "afyadial.simulator.enabled", value = "true")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class SimulatorWithLiveSmsTest {

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
