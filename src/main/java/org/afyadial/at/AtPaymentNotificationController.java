package org.afyadial.at;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.payments.PaymentLedger;
import org.afyadial.payments.PaymentResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * AT's payment notification (JSON, sent for completed and failed checkouts and for C2B money; retried every minute
 * for 6 h until a 2xx), read by {@link AtTransactions}. Answers 200 to anything readable or not, so AT never
 * retries forever.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/at/payments/notification")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AtPaymentNotificationController {

    private static final Logger LOG = LoggerFactory.getLogger(AtPaymentNotificationController.class);

    private final PaymentLedger ledger;

    AtPaymentNotificationController(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> notification(@Body Map<String, Object> body) {
        Optional<PaymentResult> result = AtTransactions.result(body);
        if (result.isEmpty()) {
            LOG.warn("Payment notification with transaction '{}' and status '{}' not understood: ignored",
                    AtTransactions.text(body.get("transactionId")), AtTransactions.text(body.get("status")));
            return HttpResponse.ok();
        }
        ledger.record(result.get());
        return HttpResponse.ok();
    }
}
