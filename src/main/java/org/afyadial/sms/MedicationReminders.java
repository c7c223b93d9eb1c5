package org.afyadial.sms;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Store;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.ProblemException;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Medication reminders: created by a doctor or pharmacist, listed, paused, resumed and moved by the
 * patient (USSD Reminders menu). The SMS of the whole schedule are queued when it is created or
 * changed, each due at its time and expiring {@link #LATE_AFTER} later.
 */
@Singleton
public class MedicationReminders {

    static final String COLLECTION = "medication_reminders";
    private static final Duration LATE_AFTER = Duration.ofHours(2);

    static final class ReminderNotFound extends ProblemException {
        ReminderNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "No medication reminder " + id + " for this patient");
        }
    }

    @Singleton
    static class Indexes implements CollectionIndexes {
        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(com.mongodb.client.model.Indexes.ascending("patientId", "createdAt"),
                    new IndexOptions().name("by_patient")));
        }
    }

    private final MongoCollection<Document> reminders;
    private final PatientService patients;
    private final SmsPreferences preferences;
    private final Outbox outbox;
    private final SmsTemplates templates;
    private final ClinicSettings clinic;
    private final Clock clock;

    MedicationReminders(Store store, PatientService patients, SmsPreferences preferences, Outbox outbox,
                        SmsTemplates templates, ClinicSettings clinic, Clock clock) {
        this.reminders = store.collection(COLLECTION);
        this.patients = patients;
        this.preferences = preferences;
        this.outbox = outbox;
        this.templates = templates;
        this.clinic = clinic;
        this.clock = clock;
    }

    /** A schedule starting today (clinic time); times already past today are skipped. */
    public MedicationReminder create(String patientId, String drug, String dose, List<LocalTime> timesOfDay, int days, String createdBy) {
        Patient patient = patients.get(patientId);
        Instant now = clock.instant();
        Document document = new Document("_id", new ObjectId())
                .append("patientId", patient.id())
                .append("drug", drug.strip())
                .append("dose", dose.strip())
                .append("timesOfDay", timesOfDay.stream().sorted().distinct().map(LocalTime::toString).toList())
                .append("days", days)
                .append("startDate", LocalDate.ofInstant(now, clinic.timezone()).toString())
                .append("status", MedicationReminder.Status.ACTIVE.name())
                .append("scheduleVersion", 0)
                .append("createdBy", createdBy)
                .append("createdAt", Date.from(now));
        reminders.insertOne(document);
        MedicationReminder reminder = fromDocument(document);
        queueSchedule(reminder, patient);
        return reminder;
    }

    public List<MedicationReminder> list(String patientId) {
        return reminders.find(new Document("patientId", patientId)).sort(new Document("createdAt", 1))
                .map(MedicationReminders::fromDocument).into(new ArrayList<>());
    }

    public MedicationReminder pause(String patientId, String reminderId) {
        return change(patientId, reminderId, new Document("status", MedicationReminder.Status.PAUSED.name()), CancelReason.PAUSED);
    }

    public MedicationReminder resume(String patientId, String reminderId) {
        return change(patientId, reminderId, new Document("status", MedicationReminder.Status.ACTIVE.name()), CancelReason.PAUSED);
    }

    public MedicationReminder moveTimes(String patientId, String reminderId, List<LocalTime> timesOfDay) {
        return change(patientId, reminderId,
                new Document("timesOfDay", timesOfDay.stream().sorted().distinct().map(LocalTime::toString).toList()),
                CancelReason.TIMES_MOVED);
    }

    /** Applies the change with a new schedule version, cancels what was queued and queues the new schedule if active. */
    private MedicationReminder change(String patientId, String reminderId, Document changes, CancelReason reason) {
        if (!ObjectId.isValid(reminderId)) {
            throw new ReminderNotFound(reminderId);
        }
        Document updated = reminders.findOneAndUpdate(
                new Document("_id", new ObjectId(reminderId)).append("patientId", patientId),
                new Document("$set", changes).append("$inc", new Document("scheduleVersion", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw new ReminderNotFound(reminderId);
        }
        MedicationReminder reminder = fromDocument(updated);
        outbox.cancelQueued(keyPrefix(reminder.id()), reason);
        queueSchedule(reminder, patients.get(patientId));
        return reminder;
    }

    private void queueSchedule(MedicationReminder reminder, Patient patient) {
        if (reminder.status() != MedicationReminder.Status.ACTIVE || !preferences.wants(patient, MessageKind.MEDICATION_REMINDER)) {
            return;
        }
        Instant now = clock.instant();
        String language = patient.language().name();
        String text = templates.render(language, "medication", Map.of("drug", reminder.drug(), "dose", reminder.dose()));
        for (int day = 0; day < reminder.days(); day++) {
            LocalDate date = reminder.startDate().plusDays(day);
            for (LocalTime time : reminder.timesOfDay()) {
                Instant due = ZonedDateTime.of(date, time, clinic.timezone()).toInstant();
                if (due.isAfter(now)) {
                    outbox.queue(new SmsRequest(keyPrefix(reminder.id()) + reminder.scheduleVersion() + ":" + date + "T" + time,
                            patient.id(), patient.phone(), language, text, MessageKind.MEDICATION_REMINDER, due, due.plus(LATE_AFTER)));
                }
            }
        }
    }

    private static String keyPrefix(String reminderId) {
        return "medication:" + reminderId + ":";
    }

    private static MedicationReminder fromDocument(Document d) {
        return new MedicationReminder(d.getObjectId("_id").toHexString(), d.getString("patientId"), d.getString("drug"),
                d.getString("dose"), d.getList("timesOfDay", String.class).stream().map(LocalTime::parse).toList(),
                d.getInteger("days"), LocalDate.parse(d.getString("startDate")),
                MedicationReminder.Status.valueOf(d.getString("status")), d.getInteger("scheduleVersion"),
                d.getString("createdBy"), d.getDate("createdAt").toInstant());
    }
}
