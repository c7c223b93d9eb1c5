package org.afyadial.payments.mpesa;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import org.afyadial.payments.BillService;
import org.afyadial.payments.BillStatus;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentLedger;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;
import org.afyadial.payments.PushPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Safaricom Daraja's callbacks, guarded like AT's webhooks (token in the URL, optional address allow-list
 * {@code PAYMENT_ALLOWED_CIDRS}). Wire format as in Safaricom's Daraja documentation (developer.safaricom.co.ke,
 * "M-Pesa Express" result and "Customer to Business" validation/confirmation): STK results under
 * {@code Body.stkCallback}, read through {@link StkResults} as the STK query's are, C2B as flat JSON. Every
 * readable callback is answered {@code ResultCode 0}: Daraja does not retry, and what it says is recorded
 * whatever it is; amounts and bills are checked by the ledger against the store.
 */
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/mpesa")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class MpesaCallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(MpesaCallbackController.class);
    private static final String CURRENCY = StkResults.CURRENCY;

    /** Daraja's C2B validation answers: accepted, or rejected as an unknown account or a wrong amount. */
    static final Answer ACCEPTED = new Answer("0", "Accepted");
    static final Answer INVALID_ACCOUNT = new Answer("C2B00012", "Rejected");
    static final Answer INVALID_AMOUNT = new Answer("C2B00013", "Rejected");

    @Serdeable
    record Answer(String ResultCode, String ResultDesc) {
    }

    private final PaymentLedger ledger;
    private final BillService bills;
    private final PushPayments pushes;

    MpesaCallbackController(PaymentLedger ledger, BillService bills, PushPayments pushes) {
        this.ledger = ledger;
        this.bills = bills;
        this.pushes = pushes;
    }

    @Post(uri = "/stk/callback", consumes = MediaType.APPLICATION_JSON)
    Answer stkResult(@Body Map<String, Object> body) {
        Map<String, Object> callback = map(map(body.get("Body")).get("stkCallback"));
        String checkoutRequestId = text(callback.get("CheckoutRequestID"));
        Integer resultCode = callback.get("ResultCode") instanceof Number n ? n.intValue() : null;
        if (checkoutRequestId == null || resultCode == null) {
            LOG.warn("STK callback without CheckoutRequestID or ResultCode: ignored");
            return ACCEPTED;
        }
        if (!StkResults.succeeded(resultCode)) {
            ledger.record(StkResults.failed(checkoutRequestId, resultCode));
            return ACCEPTED;
        }
        Map<String, Object> items = metadata(callback);
        String receipt = text(items.get("MpesaReceiptNumber"));
        BigDecimal amount = decimal(items.get("Amount"));
        if (receipt == null || amount == null) {
            LOG.warn("STK success for {} without receipt or amount: ignored", checkoutRequestId);
            return ACCEPTED;
        }
        ledger.record(StkResults.paid(checkoutRequestId, Money.minorUnits(amount, CURRENCY), receipt, phone(items.get("PhoneNumber"))));
        return ACCEPTED;
    }

    @Post(uri = "/c2b/validation", consumes = MediaType.APPLICATION_JSON)
    Answer validate(@Body Map<String, Object> body) {
        BigDecimal amount = decimal(body.get("TransAmount"));
        Optional<String> reference = Optional.ofNullable(text(body.get("BillRefNumber"))).map(PaymentLedger::normalizeCode);
        boolean openBill = reference.flatMap(bills::byReference)
                .filter(b -> b.status() == BillStatus.UNPAID || b.status() == BillStatus.PARTIALLY_PAID).isPresent();
        if (!openBill) {
            return INVALID_ACCOUNT;
        }
        return amount == null || amount.signum() <= 0 ? INVALID_AMOUNT : ACCEPTED;
    }

    /**
     * The money has moved: recorded whether it names a bill or not. Safaricom confirms STK payments on the paybill
     * this way too: money for a bill and amount one of our STK pushes asked for is that push's transaction, recorded
     * under its CheckoutRequestID, so the STK callback, the STK query and this confirmation count it once in any order.
     */
    @Post(uri = "/c2b/confirmation", consumes = MediaType.APPLICATION_JSON)
    Answer confirm(@Body Map<String, Object> body) {
        String transId = text(body.get("TransID"));
        BigDecimal amount = decimal(body.get("TransAmount"));
        if (transId == null || amount == null) {
            LOG.warn("C2B confirmation without TransID or TransAmount: ignored");
            return ACCEPTED;
        }
        String reference = text(body.get("BillRefNumber"));
        long minorUnits = Money.minorUnits(amount, CURRENCY);
        String payer = phone(body.get("MSISDN"));
        Optional<String> push = reference == null ? Optional.empty() : pushes.requestPaidBy(Provider.MPESA, reference, minorUnits, transId);
        ledger.record(push.map(checkoutRequestId -> StkResults.paid(checkoutRequestId, minorUnits, transId, payer))
                .orElseGet(() -> new PaymentResult(Provider.MPESA, transId, null, reference, payer, minorUnits, CURRENCY, transId, null)));
        return ACCEPTED;
    }

    private static Map<String, Object> metadata(Map<String, Object> callback) {
        Object items = map(callback.get("CallbackMetadata")).get("Item");
        Map<String, Object> byName = new java.util.HashMap<>();
        if (items instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> entry = map(item);
                if (entry.get("Name") instanceof String name && entry.get("Value") != null) {
                    byName.put(name, entry.get("Value"));
                }
            }
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @Nullable
    private static String text(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    @Nullable
    private static BigDecimal decimal(@Nullable Object value) {
        try {
            return value == null ? null : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Daraja writes MSISDNs without the plus ({@code 254708374149}). */
    @Nullable
    private static String phone(@Nullable Object value) {
        String digits = text(value instanceof Number n ? new BigDecimal(n.toString()).toPlainString() : value);
        return digits == null ? null : "+" + digits.replaceFirst("^\\+", "");
    }
}
