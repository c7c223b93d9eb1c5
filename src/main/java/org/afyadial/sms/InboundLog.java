package org.afyadial.sms;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import io.micronaut.core.annotation.Nullable;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Store;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    static final String COLLECTION = "sms_inbound";

    private final MongoCollection<Document> inbound;

    InboundLog(Store store) {
        this.inbound = store.collection(COLLECTION);
    }

    /** A received text is deleted by the store once its retention since arrival has passed. */
    @Singleton
    static class InboundIndexes implements CollectionIndexes {

        private final SmsRetention retention;

        InboundIndexes(SmsRetention retention) {
            this.retention = retention;
        }

        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("storedAt"),
                    new IndexOptions().expireAfter(retention.inboundSms().toSeconds(), TimeUnit.SECONDS).name("retention")));
        }
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
