package org.afyadial.payments.momo;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.payments.PaymentLedger;
import org.afyadial.payments.Provider;
import org.afyadial.payments.PushPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MTN's request-to-pay callback, sent once, by PUT or POST, with the status body ({@link MomoStatus}); guarded like
 * AT's webhooks. The body names the request by its {@code externalId}, our request id: the store gives the
 * request's reference id, and the ledger checks the amount against the bill. Always answered 200: MTN never sends
 * it again, and a request whose callback is lost or unreadable is asked after by the pending-request checks.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/momo/callback")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class MomoCallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(MomoCallbackController.class);

    private final PaymentLedger ledger;
    private final PushPayments pushes;
    private final MomoCollection momo;

    MomoCallbackController(PaymentLedger ledger, PushPayments pushes, MomoCollection momo) {
        this.ledger = ledger;
        this.pushes = pushes;
        this.momo = momo;
    }

    @Put(consumes = MediaType.ALL)
    HttpResponse<?> put(@Body String body) {
        return callback(body);
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<?> post(@Body String body) {
        return callback(body);
    }

    private HttpResponse<?> callback(String body) {
        try {
            var status = momo.read(body);
            String externalId = MomoStatus.text(status.get("externalId"));
            String referenceId = externalId == null ? null : pushes.providerRequestId(Provider.MOMO, externalId).orElse(null);
            MomoStatus.result(referenceId, status).ifPresentOrElse(ledger::record,
                    () -> LOG.warn("MoMo callback for request {} with status '{}' not recorded; the pending checks will ask",
                            externalId, MomoStatus.text(status.get("status"))));
        } catch (MomoCollection.MomoUnavailable e) {
            LOG.warn("MoMo callback not understood: {}", e.getMessage());
        }
        return HttpResponse.ok();
    }
}
