package org.afyadial.clinical;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.afyadial.audit.AuditTrail;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.sms.MedicationReminders;
import org.afyadial.sms.MessageKind;
import org.afyadial.sms.SmsPreferences;
import org.afyadial.staff.StaffOnPhone;
import org.afyadial.store.DuplicateKey;
import org.afyadial.system.ProblemException;
import org.bson.types.ObjectId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Prescribing and dispensing. Every item is checked against the patient's record and other active prescriptions
 * before anything is saved; a CONTRAINDICATED alert refuses the prescription unless the doctor gives a reason.
 */
@Singleton
class Prescriptions {

    static final String TARGET = "prescription";
    /** The channel of a dispensing, and the origin of its audit entry, when the pharmacist works from a phone. */
    private static final String USSD = "USSD";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Reminder times for the usual frequencies; more than four a day gets no reminders. */
    private static final Map<Integer, List<LocalTime>> REMINDER_TIMES = Map.of(
            1, List.of(LocalTime.of(8, 0)),
            2, List.of(LocalTime.of(8, 0), LocalTime.of(20, 0)),
            3, List.of(LocalTime.of(8, 0), LocalTime.of(14, 0), LocalTime.of(20, 0)),
            4, List.of(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(16, 0), LocalTime.of(20, 0)));
    private static final int MAX_REMINDER_DAYS = 90;

    static final class PrescriptionNotFound extends ProblemException {
        PrescriptionNotFound(String what) {
            super(HttpStatus.NOT_FOUND, "No prescription " + what);
        }
    }

    static final class NoSuchItem extends ProblemException {
        NoSuchItem(int item) {
            super(HttpStatus.BAD_REQUEST, "The prescription has no item " + item);
        }
    }

    private final PrescriptionRepository repository;
    private final ClinicalProfiles profiles;
    private final PatientService patients;
    private final MedicationSafety safety;
    private final Dispensings dispensings;
    private final MedicationReminders reminders;
    private final SmsPreferences preferences;
    private final AuditTrail audit;
    private final Clock clock;

    Prescriptions(PrescriptionRepository repository, ClinicalProfiles profiles, PatientService patients,
                  MedicationSafety safety, Dispensings dispensings, MedicationReminders reminders, SmsPreferences preferences,
                  AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.profiles = profiles;
        this.patients = patients;
        this.safety = safety;
        this.dispensings = dispensings;
        this.reminders = reminders;
        this.preferences = preferences;
        this.audit = audit;
        this.clock = clock;
    }

    PrescriptionView prescribe(String patientId, List<PrescriptionItem> items, @Nullable String overrideReason, String doctor) {
        Patient patient = patients.get(patientId);
        List<Alert> alerts = alertsFor(patient, items, null);
        boolean overridden = overrideReason != null && !overrideReason.isBlank();
        if (alerts.stream().anyMatch(Alert::blocks) && !overridden) {
            throw new PrescriptionBlocked(alerts);
        }
        Instant now = clock.instant();
        int longest = items.stream().mapToInt(PrescriptionItem::days).max().orElse(1);
        Prescription saved = saveWithFreshCode(new Prescription(null, null, patient.id(), doctor, List.copyOf(items), alerts,
                overridden ? overrideReason.strip() : null, now, now.plus(Duration.ofDays(longest))));
        audit.record("prescription.create", TARGET, saved.id(), patient.id());
        if (overridden && alerts.stream().anyMatch(Alert::blocks)) {
            audit.record("prescription.override", TARGET, saved.id(), patient.id());
        }
        remind(patient, items, doctor);
        return view(saved, patient);
    }

    /** A reminder schedule per item taken up to four times a day, for a patient who takes SMS. */
    private void remind(Patient patient, List<PrescriptionItem> items, String doctor) {
        if (!preferences.wants(patient, MessageKind.MEDICATION_REMINDER)) {
            return;
        }
        items.stream().filter(item -> REMINDER_TIMES.containsKey(item.timesPerDay())).forEach(item ->
                reminders.create(patient.id(), item.drug(), item.dose(), REMINDER_TIMES.get(item.timesPerDay()),
                        Math.min(item.days(), MAX_REMINDER_DAYS), doctor));
    }

    PrescriptionView get(String id) {
        return view(find(id));
    }

    /** The code as typed on a keypad or read out: spaces, dashes and case do not matter. */
    PrescriptionView byCode(String code) {
        String normalised = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return view(repository.findByCode(normalised).orElseThrow(() -> new PrescriptionNotFound("with this code")));
    }

    /** By a pharmacist in the current staff request. */
    PrescriptionView dispense(String id, int item, String pharmacist, String channel) {
        Prescription prescription = dispenseItem(id, item, pharmacist, channel);
        audit.record("prescription.dispense", TARGET, id, prescription.patientId());
        return view(prescription);
    }

    /** Found by a pharmacist on a basic phone; the read is audited under their account, like the dispensing below. */
    PrescriptionView readByPhone(String code, StaffOnPhone pharmacist) {
        PrescriptionView view = byCode(code);
        auditByPhone(pharmacist, "prescription.read", view.id(), view.patientId());
        return view;
    }

    /** By a pharmacist on a basic phone: audited under their account, as no web request of theirs carries it. */
    void dispenseByPhone(String id, int item, StaffOnPhone pharmacist) {
        Prescription prescription = dispenseItem(id, item, pharmacist.username(), USSD);
        auditByPhone(pharmacist, "prescription.dispense", id, prescription.patientId());
    }

    private void auditByPhone(StaffOnPhone pharmacist, String action, String id, String patientId) {
        audit.recordAsStaffOn(USSD, pharmacist.username(), pharmacist.roleNames(), action, TARGET, id, patientId);
    }

    private Prescription dispenseItem(String id, int item, String pharmacist, String channel) {
        Prescription prescription = find(id);
        if (item < 0 || item >= prescription.items().size()) {
            throw new NoSuchItem(item);
        }
        dispensings.dispense(prescription, item, pharmacist, channel);
        return prescription;
    }

    private Prescription find(String id) {
        return (ObjectId.isValid(id) ? repository.findById(id) : java.util.Optional.<Prescription>empty())
                .orElseThrow(() -> new PrescriptionNotFound(id));
    }

    /** The alerts of the items against the record now; {@code excluded} is the prescription itself when re-checking. */
    private List<Alert> alertsFor(Patient patient, List<PrescriptionItem> items, @Nullable String excluded) {
        List<String> otherDrugs = repository.activeAfter(patient.id(), clock.instant()).stream()
                .filter(p -> !p.id().equals(excluded))
                .flatMap(p -> p.items().stream().map(PrescriptionItem::drug))
                .toList();
        return safety.check(profiles.facts(patient), items.stream().map(PrescriptionItem::order).toList(), otherDrugs);
    }

    /** Six digits, easy on a keypad; the unique index on {@code code} makes a clash draw again. */
    private Prescription saveWithFreshCode(Prescription unsaved) {
        while (true) {
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            try {
                return repository.save(new Prescription(null, code, unsaved.patientId(), unsaved.prescribedBy(), unsaved.items(),
                        unsaved.alerts(), unsaved.overrideReason(), unsaved.createdAt(), unsaved.activeUntil()));
            } catch (RuntimeException e) {
                if (!DuplicateKey.causedBy(e)) {
                    throw e;
                }
            }
        }
    }

    private PrescriptionView view(Prescription prescription) {
        return view(prescription, patients.get(prescription.patientId()));
    }

    private PrescriptionView view(Prescription p, Patient patient) {
        return new PrescriptionView(p.id(), p.code(), p.patientId(), initials(patient), patient.birthYear(), p.prescribedBy(),
                p.createdAt(), p.items(), p.alerts(), p.overrideReason(), alertsFor(patient, p.items(), p.id()),
                dispensings.of(p.id()));
    }

    private static String initials(Patient patient) {
        return IntStream.of(patient.firstName().codePointAt(0), patient.lastName().codePointAt(0))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().toUpperCase();
    }
}
