package org.afyadial.payments;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.simulator.SimulatorAvailable;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.PhoneNumbers;

import java.util.List;

/**
 * The development provider's prompts on the simulator's phone: the page asks which prompts wait for its number
 * and answers one with approve, decline or ignore, as the payer would on a real phone.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/simulator/payments")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(condition = SimulatorAvailable.class)
@Hidden
class SimulatedPromptController {

    /** A prompt as the phone shows it. */
    @Serdeable
    record Prompt(String id, String amount, String clinic) {
    }

    private final PushRequests requests;
    private final DevelopmentProvider provider;
    private final PaymentLedger ledger;
    private final PhoneNumbers phones;
    private final String clinicName;

    SimulatedPromptController(PushRequests requests, DevelopmentProvider provider, PaymentLedger ledger,
                              PhoneNumbers phones, ClinicSettings clinic) {
        this.requests = requests;
        this.provider = provider;
        this.ledger = ledger;
        this.phones = phones;
        this.clinicName = clinic.name();
    }

    @Get("/prompts")
    List<Prompt> prompts(@QueryValue String phone) {
        return requests.pendingFor(Provider.DEVELOPMENT, phones.toE164(phone).orElse(phone)).stream()
                .map(r -> new Prompt(r.id(), Money.format(r.amount(), r.currency()), clinicName)).toList();
    }

    @Post("/prompts/{id}/{answer}")
    HttpResponse<?> answer(@PathVariable String id, @PathVariable String answer) {
        var request = requests.find(Provider.DEVELOPMENT, id);
        if (request.isEmpty() || request.get().status() != PushRequests.Status.PENDING) {
            return HttpResponse.notFound();
        }
        PaymentResult result = switch (answer) {
            case "approve" -> provider.answer(request.get(), true);
            case "decline" -> provider.answer(request.get(), false);
            case "ignore" -> provider.expired(request.get());
            default -> null;
        };
        if (result == null) {
            return HttpResponse.badRequest();
        }
        ledger.record(result);
        return HttpResponse.noContent();
    }
}
