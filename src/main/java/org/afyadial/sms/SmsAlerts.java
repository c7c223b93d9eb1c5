package org.afyadial.sms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conditions an administrator must act on. Kept in the store, not in memory, so that every
 * instance stops sending when one of them learns the account is out of credit.
 */
@Singleton
public class SmsAlerts {

    static final String SENDING_PAUSED = "sms-sending";

    /** An active alert: {@code code} names what to resume ({@code POST /api/v1/alerts/{code}/resume}). */
    @Serdeable
    public record Alert(String code, String severity, String message, Instant raisedAt) {
    }

    private final MongoCollection<Document> alerts;
    private final Clock clock;

    SmsAlerts(Store store, Clock clock) {
        this.alerts = store.collection("alerts");
        this.clock = clock;
    }

    void pauseSending(String reason) {
        Document alert = new Document("_id", SENDING_PAUSED).append("severity", "CRITICAL")
                .append("message", "SMS sending is paused: " + reason + ". Top up the SMS account, then resume sending.")
                .append("raisedAt", java.util.Date.from(clock.instant()));
        alerts.replaceOne(new Document("_id", SENDING_PAUSED), alert, new ReplaceOptions().upsert(true));
    }

    public boolean sendingPaused() {
        return sendingPausedAlert().isPresent();
    }

    Optional<Alert> sendingPausedAlert() {
        return Optional.ofNullable(alerts.find(new Document("_id", SENDING_PAUSED)).first()).map(SmsAlerts::toAlert);
    }

    /** Clears the pause; false when sending was not paused. */
    boolean resumeSending() {
        return alerts.deleteOne(new Document("_id", SENDING_PAUSED)).getDeletedCount() == 1;
    }

    public List<Alert> active() {
        return alerts.find().map(SmsAlerts::toAlert).into(new java.util.ArrayList<>());
    }

    private static Alert toAlert(Document d) {
        return new Alert(d.getString("_id"), d.getString("severity"), d.getString("message"), d.getDate("raisedAt").toInstant());
    }
}
