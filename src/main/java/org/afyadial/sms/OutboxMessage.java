package org.afyadial.sms;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One SMS for one phone in the {@code sms_outbox} collection, written before anything is sent.
 * Read and changed through {@link OutboxStore} only: every change is a conditional atomic update.
 *
 * @param idempotencyKey the logical message ({@code reminder:{appointmentId}:24h}); unique, so queuing twice is a no-op
 * @param notBefore      not sent earlier (reminders, quiet hours, retry backoff)
 * @param expiresAt      not worth sending after this (a reminder after the visit), then EXPIRED
 * @param leaseUntil     while SENDING: the claim of {@code leaseOwner} ends here, then another dispatcher may take it
 * @param messageId      the provider's id once accepted, quoted by delivery reports
 * @param version        bumped by every write; claims and lease ends compare and set on it
 */
@Serdeable
public record OutboxMessage(
        String id,
        String idempotencyKey,
        @Nullable String patientId,
        String phone,
        String text,
        String language,
        SmsEncoding.Encoding encoding,
        int segments,
        MessageKind kind,
        OutboxStatus status,
        int attempts,
        @Nullable String lastError,
        @Nullable String messageId,
        Instant notBefore,
        @Nullable Instant expiresAt,
        @Nullable Instant leaseUntil,
        @Nullable String leaseOwner,
        Instant createdAt,
        @Nullable Instant sentAt,
        @Nullable Instant deliveredAt,
        long version) {
}
