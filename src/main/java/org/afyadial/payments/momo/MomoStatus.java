package org.afyadial.payments.momo;

import io.micronaut.core.annotation.Nullable;
import org.afyadial.payments.Failure;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A request-to-pay's status as MTN writes it, in the answer to {@code GET /collection/v1_0/requesttopay/{referenceId}}
 * and in the callback, which carries the same body (momodeveloper.mtn.com, "Collection: /requesttopay/{referenceId}
 * - GET" and "API documentation: Callback"): {@code amount, currency, financialTransactionId, externalId,
 * payer {partyIdType, partyId}, status (PENDING | SUCCESSFUL | FAILED), reason}. MTN writes some of these as numbers
 * and {@code reason} either as a code or as {@code {code, message}}, so each is read as text.
 */
final class MomoStatus {

    static final String SUCCESSFUL = "SUCCESSFUL";
    static final String FAILED = "FAILED";

    /** MTN's failure reasons, in the words the patient is told; any other reason is a refusal. */
    static final Map<String, Failure> FAILURES = Map.of(
            "APPROVAL_REJECTED", Failure.CANCELLED,
            "TRANSACTION_CANCELED", Failure.CANCELLED,
            "EXPIRED", Failure.TIMED_OUT,
            "NOT_ENOUGH_FUNDS", Failure.INSUFFICIENT_FUNDS,
            "PAYER_LIMIT_REACHED", Failure.INSUFFICIENT_FUNDS);

    private MomoStatus() {
    }

    /**
     * How the request ended; empty while it is pending or when the body does not say enough.
     *
     * @param referenceId the request's {@code X-Reference-Id}, our provider request id; null when the store knows no
     *                    such request (then only money that moved is recorded, as unmatched)
     */
    static Optional<PaymentResult> result(@Nullable String referenceId, Map<String, Object> body) {
        String status = text(body.get("status"));
        String currency = text(body.get("currency"));
        if (FAILED.equals(status) && referenceId != null) {
            Failure failure = FAILURES.getOrDefault(reason(body.get("reason")), Failure.REFUSED);
            return Optional.of(new PaymentResult(Provider.MOMO, referenceId, referenceId, null, null, 0,
                    currency == null ? "" : currency, null, failure));
        }
        String transactionId = text(body.get("financialTransactionId"));
        Long amount = minorUnits(text(body.get("amount")), currency);
        if (!SUCCESSFUL.equals(status) || transactionId == null || amount == null) {
            return Optional.empty();
        }
        return Optional.of(new PaymentResult(Provider.MOMO, transactionId, referenceId, null, payer(body.get("payer")),
                amount, currency, transactionId, null));
    }

    @Nullable
    private static String reason(@Nullable Object reason) {
        return reason instanceof Map<?, ?> detailed ? text(detailed.get("code")) : text(reason);
    }

    @Nullable
    private static Long minorUnits(@Nullable String amount, @Nullable String currency) {
        try {
            return amount == null || currency == null ? null : Money.minorUnits(new BigDecimal(amount), currency);
        } catch (ArithmeticException | IllegalArgumentException e) {
            return null;
        }
    }

    /** MTN writes MSISDNs without the plus ({@code 256772123456}). */
    @Nullable
    private static String payer(@Nullable Object payer) {
        String partyId = payer instanceof Map<?, ?> party ? text(party.get("partyId")) : null;
        return partyId == null ? null : "+" + partyId.replaceFirst("^\\+", "");
    }

    @Nullable
    static String text(@Nullable Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).toPlainString();
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
