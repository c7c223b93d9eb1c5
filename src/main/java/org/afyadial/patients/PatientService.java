package org.afyadial.patients;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import org.bson.types.ObjectId;
import jakarta.validation.Valid;
import org.afyadial.store.Counters;
import org.afyadial.store.VersionedUpdate;
import org.afyadial.system.PhoneNumbers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Patients: registration (by staff or by the patient on USSD), look-ups and the settings a patient
 * changes from their phone. Every create and update is audited with the channel it came from;
 * reads are audited by the REST controller (a patient reading their own record on USSD is not).
 */
@Singleton
public class PatientService {

    static final String TARGET = "patient";
    static final String IDENTIFIER_COUNTER = "patient-identifier";

    private final PatientRepository repository;
    private final Counters counters;
    private final PhoneNumbers phoneNumbers;
    private final ChannelAudit audit;
    private final ApplicationEventPublisher<SmsOptInChanged> optInChanges;
    private final ApplicationEventPublisher<PinReset> pinResets;
    private final Clock clock;

    PatientService(PatientRepository repository, Counters counters, PhoneNumbers phoneNumbers,
                   ChannelAudit audit, ApplicationEventPublisher<SmsOptInChanged> optInChanges,
                   ApplicationEventPublisher<PinReset> pinResets, Clock clock) {
        this.repository = repository;
        this.optInChanges = optInChanges;
        this.pinResets = pinResets;
        this.counters = counters;
        this.phoneNumbers = phoneNumbers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Registers a patient with the next identifier ({@code AFD-PT-000123}); {@code pin} (4 digits) is
     * optional and stored only as a bcrypt hash.
     */
    public Patient register(@Valid PatientDetails details, @Nullable String pin, Channel channel) {
        String pinHash = pin == null ? null : Pins.hash(pin);
        Instant now = clock.instant();
        Patient fresh = new Patient(null, identifier(counters.next(IDENTIFIER_COUNTER)), null, null, null, null, null, null, null, null, null,
                null, false, true, pinHash, false, false, null, now, now, null);
        Patient saved = repository.save(fresh.withDetails(details, e164(details.phone()), now));
        audit.record(channel, "patient.create", TARGET, saved.id(), saved.id());
        return saved;
    }

    /** The identifier patients and staff read, {@code AFD-PT-000123}, of a value of the identifier counter. */
    static String identifier(long value) {
        return "AFD-PT-%06d".formatted(value);
    }

    public Patient get(String id) {
        return find(id).orElseThrow(() -> new PatientNotFound(id));
    }

    public Optional<Patient> find(String id) {
        return ObjectId.isValid(id) ? repository.findById(id) : Optional.empty();
    }

    /** Everybody registered on a phone (a family shares one), oldest first; empty for an unreadable number. */
    public List<Patient> findByPhone(String phone) {
        return phoneNumbers.toE164(phone).map(repository::findByPhoneOrderByCreatedAt).orElse(List.of());
    }

    public Optional<Patient> findByIdentifier(String identifier) {
        return repository.findByIdentifier(identifier.trim().toUpperCase(Locale.ROOT));
    }

    /** Patients with a first or last name starting with {@code query}, ignoring case and accents. */
    public Page<Patient> searchByName(String query, Pageable pageable) {
        String pattern = SearchNames.wordPrefixPattern(query);
        return repository.findBySearchNameRegex(pattern, pageable.order(Sort.Order.asc("searchName")));
    }

    public Page<Patient> list(Pageable pageable) {
        return repository.findAll(pageable.order(Sort.Order.asc("identifier")));
    }

    public Patient update(String id, @Valid PatientDetails details, Channel channel) {
        String phone = e164(details.phone());
        AtomicBoolean optInChanged = new AtomicBoolean();
        Patient saved = modify(id, p -> {
            optInChanged.set(p.smsOptIn() != details.smsOptIn());
            return p.withDetails(details, phone, clock.instant());
        });
        audit.record(channel, "patient.update", TARGET, id, id);
        if (optInChanged.get()) {
            optInChanges.publishEvent(new SmsOptInChanged(id, details.smsOptIn()));
        }
        return saved;
    }

    public boolean verifyPin(String patientId, String pin) {
        return find(patientId).map(p -> Pins.matches(pin, p.pinHash())).orElse(false);
    }

    /**
     * A new PIN typed once, as the bcrypt hash the patient record would keep, so that the patient can type it
     * again to confirm it ({@link #repeatsNewPin}) without the PIN itself being kept anywhere.
     */
    public String hashNewPin(String pin) {
        return Pins.hash(pin);
    }

    public boolean repeatsNewPin(String pin, String newPinHash) {
        return Pins.matches(pin, newPinHash);
    }

    /**
     * Clears the PIN of a patient who forgot it, after reception checked who they are ({@code identityCheck}
     * says how, and is kept in the audit log): the next dial asks for a new PIN, and the phone's lock after wrong
     * PINs is lifted.
     */
    public Patient resetPin(String patientId, String identityCheck) {
        Patient saved = modify(patientId, p -> p.withPinReset(clock.instant()));
        audit.recordStaffNote("patient.pin-reset", TARGET, patientId, patientId, identityCheck);
        pinResets.publishEvent(new PinReset(patientId, saved.phone()));
        return saved;
    }

    public Patient setPin(String patientId, String pin, Channel channel) {
        String hash = Pins.hash(pin);
        Patient saved = modify(patientId, p -> p.withPinHash(hash, clock.instant()));
        audit.record(channel, "patient.pin", TARGET, patientId, patientId);
        return saved;
    }

    public Patient setLanguage(String patientId, Language language, Channel channel) {
        Patient saved = modify(patientId, p -> p.withLanguage(language, clock.instant()));
        audit.record(channel, "patient.language", TARGET, patientId, patientId);
        return saved;
    }

    public Patient setSmsOptIn(String patientId, boolean optIn, Channel channel) {
        Patient saved = modify(patientId, p -> p.withSmsOptIn(optIn, clock.instant()));
        audit.record(channel, optIn ? "patient.sms-opt-in" : "patient.sms-opt-out", TARGET, patientId, patientId);
        optInChanges.publishEvent(new SmsOptInChanged(patientId, optIn));
        return saved;
    }

    /** Appointment reminders by SMS on or off (all non-essential SMS are {@link #setSmsOptIn}). */
    public Patient setAppointmentReminders(String patientId, boolean on, Channel channel) {
        Patient saved = modify(patientId, p -> p.withAppointmentReminders(on, clock.instant()));
        audit.record(channel, on ? "patient.appointment-reminders-on" : "patient.appointment-reminders-off", TARGET,
                patientId, patientId);
        return saved;
    }

    /** STOP/START by SMS: the answer applies to every patient registered on the phone. */
    public List<Patient> setSmsOptInByPhone(String phone, boolean optIn, Channel channel) {
        return findByPhone(phone).stream().map(p -> setSmsOptIn(p.id(), optIn, channel)).toList();
    }

    /** The SMS gateway said the number cannot receive messages; reminders stop until the phone is corrected. */
    public List<Patient> markPhoneInvalid(String phone) {
        return findByPhone(phone).stream().map(p -> {
            Patient saved = modify(p.id(), current -> current.withPhoneInvalid(clock.instant()));
            audit.record(Channel.SMS, "patient.phone-invalid", TARGET, p.id(), p.id());
            return saved;
        }).toList();
    }

    private Patient modify(String id, UnaryOperator<Patient> change) {
        return VersionedUpdate.retrying("Patient " + id, () -> repository.update(change.apply(get(id))));
    }

    private String e164(String phone) {
        return phoneNumbers.toE164(phone).orElseThrow(() -> new IllegalArgumentException("phone validated by @ValidPhone"));
    }
}
