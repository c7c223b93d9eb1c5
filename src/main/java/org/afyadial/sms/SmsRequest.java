package org.afyadial.sms;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A message to queue. The text is final (already rendered from a template or typed by staff);
 * the outbox transliterates it if configured and counts its segments.
 *
 * @param idempotencyKey names the logical message; queuing the same key again does nothing
 * @param notBefore      when it becomes due; null means now
 * @param expiresAt      when it is no longer worth sending; null means never
 */
public record SmsRequest(
        String idempotencyKey,
        @Nullable String patientId,
        String phone,
        String language,
        String text,
        MessageKind kind,
        @Nullable Instant notBefore,
        @Nullable Instant expiresAt) {

    public static SmsRequest now(String idempotencyKey, @Nullable String patientId, String phone, String language,
                                 String text, MessageKind kind) {
        return new SmsRequest(idempotencyKey, patientId, phone, language, text, kind, null, null);
    }
}
