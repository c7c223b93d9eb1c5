package org.afyadial.sms;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The move of appointment-reminder choices from an earlier release's {@code sms_preferences} onto patient records. */
@MicronautTest(transactional = false)
class EarlierReminderChoicesTest {

    @Inject
    ApplicationContext context;
    @Inject
    EarlierReminderChoices choices;
    @Inject
    ClinicFixture clinic;
    @Inject
    PatientService patients;
    @Inject
    Store store;

    @Test
    void choicesOfAnEarlierReleaseMoveOntoThePatientRecordsOnce() {
        Patient off = clinic.patient("Neema", "+254733100301");
        Patient on = clinic.patient("Imani", "+254733100302");
        store.collection(EarlierReminderChoices.COLLECTION).insertMany(List.of(
                new Document("_id", off.id()).append("appointmentReminders", false),
                new Document("_id", on.id()).append("appointmentReminders", true),
                new Document("_id", "no-such-patient").append("appointmentReminders", false)));

        choices.moveToPatientRecords(new StartupEvent(context));

        assertFalse(patients.get(off.id()).appointmentReminders());
        assertTrue(patients.get(on.id()).appointmentReminders());
        assertEquals(0, store.collection(EarlierReminderChoices.COLLECTION).countDocuments());
        assertEquals(off.version() + 1, patients.get(off.id()).version(), "a change read before the move is retried");
        // the record stays editable through the service, and the choice stays with it
        patients.setLanguage(off.id(), Language.sw, Channel.USSD);
        assertFalse(patients.get(off.id()).appointmentReminders());
    }

    @Test
    void aRecordStoredBeforeTheFieldMeansRemindersOn() {
        Patient patient = clinic.patient("Baraka", "+254733100303");
        store.collection("patients").updateOne(new Document("_id", new ObjectId(patient.id())),
                new Document("$unset", new Document("appointmentReminders", "")));

        assertTrue(patients.get(patient.id()).appointmentReminders());
    }
}
