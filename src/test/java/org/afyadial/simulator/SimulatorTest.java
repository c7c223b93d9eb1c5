package org.afyadial.simulator;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator page is served by default to this machine, and the terminal simulator holds a conversation with the service. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class SimulatorTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Test
    void thePhonePageAndItsScriptAreServed() {
        HttpResponse<String> page = client.toBlocking().exchange("/simulator", String.class);
        assertEquals(200, page.code());
        assertTrue(page.getContentType().orElseThrow().toString().startsWith("text/html"));
        assertTrue(page.body().contains("/simulator/phone.js"));
        String script = client.toBlocking().retrieve("/simulator/phone.js");
        assertTrue(script.contains("fetch('/at/ussd' + query"), "the page posts to the real webhook");
        assertTrue(script.contains("/simulator/sms?phone="), "the page shows the SMS sent to the number");
        assertTrue(script.contains("'/simulator/sms/reply'"), "the patient answers by SMS from the page");
    }

    @Test
    void onlyThisMachinesCallersReachItUnlessOpenedToTheNetwork() {
        SimulatorLoopbackGuard byDefault = new SimulatorLoopbackGuard("");
        SimulatorLoopbackGuard opened = new SimulatorLoopbackGuard("true");

        assertTrue(byDefault.allows(new InetSocketAddress("127.0.0.1", 50000)));
        assertTrue(byDefault.allows(new InetSocketAddress("::1", 50000)));
        assertFalse(byDefault.allows(new InetSocketAddress("192.168.1.20", 50000)));
        assertFalse(byDefault.allows(InetSocketAddress.createUnresolved("localhost", 50000)));
        assertTrue(opened.allows(new InetSocketAddress("192.168.1.20", 50000)));
    }

    @Test
    void theTerminalSimulatorSpeaksTheWireFormat() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String typed = "1\n2\nn\n";
        int status = UssdSimulatorCli.run(new String[] {"--phone", "+254700555001", "--url", server.getURL().toString()},
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, output);
        assertTrue(output.contains("| Test home hi"), output);
        assertTrue(output.contains("| Pick a fruit"), output);
        assertTrue(output.contains("| You chose Fruit number 2"), output);
        assertTrue(output.contains("Dial *384*1# again?"), output);
    }

    @Test
    void withoutAPhoneItPrintsItsUsage() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        assertEquals(2, UssdSimulatorCli.run(new String[0], new ByteArrayInputStream(new byte[0]), new PrintStream(printed)));
        assertTrue(printed.toString().startsWith("usage: ussd-sim --phone"));
    }
}
