package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;
import org.afyadial.payments.Failure;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * One AT payments transaction as AT writes it, in its payment notification and in the {@code data} of its "find
 * transaction" query alike (developers.africastalking.com, "Payments / Notifications" and "Payments / Query /
 * Find a transaction"): {@code transactionId, status (Success | Failed), value ("KES 100.00"), providerRefId,
 * source, clientAccount}; read into the ledger's terms.
 */
final class AtTransactions {

    /** AT's {@code status}: Success, or Failed (null means the money moved). */
    static final Map<String, Failure> FAILURES = Map.of("Failed", Failure.REFUSED);
    private static final String SUCCESS = "Success";

    private AtTransactions() {
    }

    /** The transaction's end; empty while it has none (a status such as {@code PendingConfirmation}) or unreadable. */
    static Optional<PaymentResult> result(Map<String, Object> transaction) {
        String transactionId = text(transaction.get("transactionId"));
        String status = text(transaction.get("status"));
        String[] value = text(transaction.get("value")) == null ? new String[0] : text(transaction.get("value")).split("\\s+");
        if (transactionId == null || (!SUCCESS.equals(status) && !FAILURES.containsKey(status)) || value.length != 2) {
            return Optional.empty();
        }
        boolean succeeded = SUCCESS.equals(status);
        String currency = value[0];
        long amount;
        try {
            amount = succeeded ? Money.minorUnits(new BigDecimal(value[1]), currency) : 0;
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(new PaymentResult(Provider.AT_CHECKOUT, transactionId, transactionId, text(transaction.get("clientAccount")),
                text(transaction.get("source")), amount, currency, text(transaction.get("providerRefId")),
                succeeded ? null : FAILURES.get(status)));
    }

    @Nullable
    static String text(@Nullable Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
