package org.afyadial.sms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.mongodb.client.model.Filters.eq;

/**
 * Earlier releases kept a patient's choice of appointment reminders in {@code sms_preferences}; it now lives on the
 * patient record, which the booking reads anyway (one store command less per booking). At start-up the choices
 * still there move onto the records: only "off" needs moving, as a record without the field means on. Each
 * document is deleted once its choice has moved, so a start cut short moves the rest the next time. No audit
 * entry is written: the choice was audited when the patient made it, and this only changes where it is kept.
 */
@Singleton
class EarlierReminderChoices {

    static final String COLLECTION = "sms_preferences";
    private static final Logger LOG = LoggerFactory.getLogger(EarlierReminderChoices.class);

    private final Store store;

    EarlierReminderChoices(Store store) {
        this.store = store;
    }

    @EventListener
    void moveToPatientRecords(StartupEvent started) {
        MongoCollection<Document> earlier = store.collection(COLLECTION);
        MongoCollection<Document> patients = store.collection("patients");
        int moved = 0;
        for (Document choice : earlier.find()) {
            Object patientId = choice.get("_id");
            if (!choice.getBoolean("appointmentReminders", true) && patientId instanceof String id && ObjectId.isValid(id)) {
                // the version moves too, so a change of the record read before this one is retried
                patients.updateOne(eq("_id", new ObjectId(id)),
                        Updates.combine(Updates.set("appointmentReminders", false), Updates.inc("version", 1L)));
                moved++;
            }
            earlier.deleteOne(eq("_id", patientId));
        }
        if (moved > 0) {
            LOG.info("Moved {} patients' choice of no appointment reminders onto their records", moved);
        }
    }
}
