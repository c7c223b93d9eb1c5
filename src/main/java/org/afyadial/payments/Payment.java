package org.afyadial.payments;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.bson.Document;

import java.time.Instant;

/**
 * One provider transaction (or cash entry), kept whatever happened to it: applied to {@code billId}, failed, or
 * waiting in reconciliation for the {@code review} reason.
 */
@Serdeable
public record Payment(String id, Provider provider, String transactionId, @Nullable String receiptCode,
                      @Nullable String requestId, @Nullable String billId, long amount, String currency,
                      PaymentStatus status, @Nullable Failure failure, @Nullable Review review, boolean applied,
                      @Nullable String note, Instant receivedAt, Instant updatedAt) {

    static Payment of(Document d) {
        return new Payment(d.getString("_id"), Provider.valueOf(d.getString("provider")), d.getString("transactionId"),
                d.getString("receiptCode"), d.getString("requestId"), d.getString("billId"), d.getLong("amount"),
                d.getString("currency"), PaymentStatus.valueOf(d.getString("status")),
                d.getString("failure") == null ? null : Failure.valueOf(d.getString("failure")),
                d.getString("review") == null ? null : Review.valueOf(d.getString("review")),
                d.getBoolean("applied", false), d.getString("note"),
                d.getDate("receivedAt").toInstant(), d.getDate("updatedAt").toInstant());
    }
}
