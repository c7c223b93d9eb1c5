package org.afyadial.simulator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The phone simulator page, in development only ({@link SimulatorAvailable}): a basic phone that dials the
 * short code and talks to {@code /at/ussd} exactly as Africa's Talking does, and shows the SMS sent to the number.
 */
@Controller("/simulator")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(condition = SimulatorAvailable.class)
@Hidden
class SimulatorController {

    private final String page = resource("simulator/index.html");
    private final String script = resource("simulator/phone.js");
    private final String paymentsScript = resource("simulator/payments.js");

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(page);
    }

    @Get(uri = "/phone.js", produces = "text/javascript")
    HttpResponse<String> script() {
        return HttpResponse.ok(script);
    }

    @Get(uri = "/payments.js", produces = "text/javascript")
    HttpResponse<String> paymentsScript() {
        return HttpResponse.ok(paymentsScript);
    }

    private static String resource(String path) {
        try (InputStream in = SimulatorController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + path + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
