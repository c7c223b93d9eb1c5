package org.afyadial.sms;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * The {@code sms_inbound} collection: every text received, kept once (its first {@value #KEPT_CHARACTERS} characters). The provider's message id
 * is the document's {@code _id}, so a redelivery of the same message is refused by the store itself.
 */
@Singleton
class InboundLog {

    /**
     * Characters of a text kept: three concatenated SMS parts, more than any command or reply a patient
     * types. Anyone can post to the webhook; a longer text is cut, and its length noted, so the store
     * cannot be grown by a few huge bodies.
     */
    static final int KEPT_CHARACTERS = 480;

    private final MongoCollection<Document> inbound;

    InboundLog(Store store) {
        this.inbound = store.collection("sms_inbound");
    }

    /** Notes which appointment a command acted on, for the record. */
    void noteAppointment(String providerId, @Nullable String appointmentId) {
        if (appointmentId != null) {
            inbound.updateOne(new Document("_id", providerId), new Document("$set", new Document("appointmentId", appointmentId)));
        }
    }

    /** Stores the text with the command it was read as; false when this provider id was stored before. */
    boolean storeOnce(IncomingSms sms, @Nullable SmsCommand command, Instant now) {
        Document document = new Document("_id", sms.providerId())
                .append("phone", sms.from())
                .append("to", sms.to())
                .append("text", sms.text().length() > KEPT_CHARACTERS ? sms.text().substring(0, KEPT_CHARACTERS) : sms.text())
                .append("textLength", sms.text().length())
                .append("receivedAt", Date.from(sms.receivedAt()))
                .append("networkCode", sms.networkCode())
                .append("command", command == null ? null : command.name())
                .append("storedAt", Date.from(now));
        try {
            inbound.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
