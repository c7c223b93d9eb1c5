package org.afyadial.sms;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.simulator.SimulatorAvailable;
import org.afyadial.system.PhoneNumbers;

import java.time.Instant;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * The simulator's SMS pane: what the outbox holds for one phone, newest first; in development only,
 * as the simulator ({@link SimulatorAvailable}).
 */
@Controller("/simulator/sms")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(condition = SimulatorAvailable.class)
@Hidden
class SimulatorSmsController {

    private static final int SHOWN = 50;

    @Serdeable
    record PaneMessage(String to, String text, OutboxStatus status, Instant createdAt) {
    }

    private final OutboxStore store;
    private final PhoneNumbers phones;

    SimulatorSmsController(OutboxStore store, PhoneNumbers phones) {
        this.store = store;
        this.phones = phones;
    }

    @Get
    List<PaneMessage> forPhone(@QueryValue String phone) {
        return phones.toE164(phone)
                .map(e164 -> store.find(eq("phone", e164), 0, SHOWN).stream()
                        .map(m -> new PaneMessage(m.phone(), m.text(), m.status(), m.createdAt()))
                        .toList())
                .orElse(List.of());
    }
}
