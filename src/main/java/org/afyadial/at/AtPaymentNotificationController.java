package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;
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
import org.afyadial.payments.Failure;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentLedger;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.Map;

/**
 * AT's payment notification (JSON, sent for completed and failed checkouts and for C2B money; retried every minute
 * for 6 h until a 2xx), as AT's payments documentation describes it (developers.africastalking.com, "Payments /
 * Notifications"): {@code transactionId, category, providerRefId, clientAccount, source, value ("KES 100.00"),
 * status (Success | Failed), description}. Answers 200 to anything readable or not, so AT never retries forever.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/at/payments/notification")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class AtPaymentNotificationController {

    private static final Logger LOG = LoggerFactory.getLogger(AtPaymentNotificationController.class);

    /** AT's {@code status}: Success, or Failed (null means the money moved). */
    static final Map<String, Failure> FAILURES = Map.of("Failed", Failure.REFUSED);
    private static final String SUCCESS = "Success";

    private final PaymentLedger ledger;

    AtPaymentNotificationController(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> notification(@Body Map<String, Object> body) {
        String transactionId = text(body.get("transactionId"));
        String status = text(body.get("status"));
        String[] value = text(body.get("value")) == null ? new String[0] : text(body.get("value")).split("\\s+");
        if (transactionId == null || (!SUCCESS.equals(status) && !FAILURES.containsKey(status)) || value.length != 2) {
            LOG.warn("Payment notification with transaction '{}' and status '{}' not understood: ignored", transactionId, status);
            return HttpResponse.ok();
        }
        boolean succeeded = SUCCESS.equals(status);
        String currency = value[0];
        long amount = succeeded ? Money.minorUnits(new BigDecimal(value[1]), currency) : 0;
        ledger.record(new PaymentResult(Provider.AT_CHECKOUT, transactionId, transactionId, text(body.get("clientAccount")),
                text(body.get("source")), amount, currency, text(body.get("providerRefId")), succeeded ? null : FAILURES.get(status)));
        return HttpResponse.ok();
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
