package org.afyadial.simulator;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where the simulator must not exist: its page, script and SMS pane all answer 404. */
abstract class SimulatorGone {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest
    @ValueSource(strings = {"/simulator", "/simulator/phone.js", "/simulator/sms?phone=%2B254700555001", "/simulator/sms/reply"})
    void theSimulatorIsGone(String path) {
        HttpClientResponseException missing = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(path, String.class));
        assertEquals(404, missing.code());
    }
}
