package org.afyadial.sms;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.afyadial.simulator.SimulatorAvailable;
import org.afyadial.system.PhoneNumbers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;

/**
 * The simulator's SMS pane, in development only, as the simulator ({@link SimulatorAvailable}): what the
 * outbox holds for one phone, newest first, and the patient's answers, handed to the same handling as
 * texts arriving from Africa's Talking.
 */
@Controller("/simulator/sms")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(condition = SimulatorAvailable.class)
@Hidden
class SimulatorSmsController {

    private static final int SHOWN = 50;
    /** The clinic's number as the simulated phone texts it; only shown in the inbound log. */
    private static final String CLINIC_NUMBER = "simulator";

    /** @param dueAt when a message still waiting is to be sent (a reminder), null once it is no longer waiting */
    @Serdeable
    record PaneMessage(String to, String text, OutboxStatus status, MessageKind kind, Instant createdAt,
                       @Nullable Instant dueAt) {
    }

    @Serdeable
    record PatientText(@NotBlank String phone, @NotBlank String text) {
    }

    private final OutboxStore store;
    private final InboundSms inbound;
    private final PhoneNumbers phones;
    private final Clock clock;

    SimulatorSmsController(OutboxStore store, InboundSms inbound, PhoneNumbers phones, Clock clock) {
        this.store = store;
        this.inbound = inbound;
        this.phones = phones;
        this.clock = clock;
    }

    @Get
    List<PaneMessage> forPhone(@QueryValue String phone) {
        return phones.toE164(phone)
                .map(e164 -> store.find(eq("phone", e164), 0, SHOWN).stream().map(this::paneMessage).toList())
                .orElse(List.of());
    }

    /** 202 once the text is handled (its answer, if any, is in the outbox); 400 for a number that is no phone. */
    @Post("/reply")
    HttpResponse<?> reply(@Valid @Body PatientText text) {
        return phones.toE164(text.phone())
                .<HttpResponse<?>>map(from -> {
                    inbound.receive(new IncomingSms("SIM_" + UUID.randomUUID(), from, CLINIC_NUMBER, text.text(),
                            clock.instant(), null));
                    return HttpResponse.accepted();
                })
                .orElseGet(HttpResponse::badRequest);
    }

    private PaneMessage paneMessage(OutboxMessage m) {
        boolean waiting = m.status() == OutboxStatus.QUEUED && m.notBefore().isAfter(clock.instant());
        return new PaneMessage(m.phone(), m.text(), m.status(), m.kind(), m.createdAt(), waiting ? m.notBefore() : null);
    }
}
