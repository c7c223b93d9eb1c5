package org.afyadial.sms;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where every SMS starts: written to the outbox first, then sent by the {@link SmsDispatcher}. */
@Singleton
public class Outbox {

    private final OutboxStore store;
    private final QuietHours quietHours;
    private final SmsSettings settings;
    private final Clock clock;
    private final SmsMeters meters;

    Outbox(OutboxStore store, QuietHours quietHours, SmsSettings settings, Clock clock, SmsMeters meters) {
        this.store = store;
        this.meters = meters;
        this.quietHours = quietHours;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the message; empty when a message with the same idempotency key was queued before. */
    public Optional<OutboxMessage> queue(SmsRequest request) {
        Optional<OutboxMessage> queued = store.insertOnce(prepare(request, clock.instant()));
        meters.queued(queued.isPresent() ? 1 : 0);
        return queued;
    }

    /** Queues the messages in one write; those whose idempotency key was queued before are left as they are. */
    public void queueAll(List<SmsRequest> requests) {
        Instant now = clock.instant();
        meters.queued(store.insertAllOnce(requests.stream().map(r -> prepare(r, now)).toList()));
    }

    /** The outbox document for a request, not yet stored: transliterated, counted, and held past quiet hours. */
    OutboxMessage prepare(SmsRequest request, Instant now) {
        String text = settings.transliterate() ? SmsEncoding.transliterate(request.text()) : request.text();
        SmsEncoding.Analysis analysis = SmsEncoding.analyze(text);
        Instant due = request.notBefore() == null || request.notBefore().isBefore(now) ? now : request.notBefore();
        if (request.kind().waitsForQuietHoursEnd()) {
            due = quietHours.firstAllowed(due);
        }
        return new OutboxMessage(null, request.idempotencyKey(), request.patientId(), request.phone(), text,
                request.language(), analysis.encoding(), analysis.segments(), request.kind(), OutboxStatus.QUEUED, 0,
                null, null, due, request.expiresAt(), null, null, now, null, null, 0L);
    }

    /** Cancels the queued messages whose idempotency keys start with {@code keyPrefix} (a cancelled visit's reminders). */
    public long cancelQueued(String keyPrefix, CancelReason reason) {
        return store.cancelQueued(OutboxStore.keyStartsWith(keyPrefix), reason, clock.instant());
    }

    /** Queues again the messages with keys starting with {@code keyPrefix} cancelled for {@code reason} that still lie ahead. */
    public long requeueCancelled(String keyPrefix, CancelReason reason) {
        return store.requeueCancelled(OutboxStore.keyStartsWith(keyPrefix), reason, clock.instant());
    }

    /** Cancels the patients' queued messages of these kinds (STOP, reminders off). */
    public long cancelQueued(Collection<String> patientIds, Collection<MessageKind> kinds, CancelReason reason) {
        return store.cancelQueued(OutboxStore.ofPatients(patientIds, kinds), reason, clock.instant());
    }

    /** Queues again the patients' messages of these kinds cancelled for {@code reason} that still lie ahead. */
    public long requeueCancelled(Collection<String> patientIds, Collection<MessageKind> kinds, CancelReason reason) {
        return store.requeueCancelled(OutboxStore.ofPatients(patientIds, kinds), reason, clock.instant());
    }
}
