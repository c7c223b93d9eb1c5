package org.afyadial.doctors;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.bson.types.ObjectId;
import jakarta.validation.Valid;
import org.afyadial.audit.AuditTrail;
import org.afyadial.store.VersionedUpdate;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.PhoneNumbers;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Specialties, doctors, their weekly schedules, leave and extra hours, and their availability. Reads by id and by
 * specialty are served by the {@link ReferenceCache}, which every write here clears; a lookup by username (staff
 * signing in as a doctor) and the writes themselves read the store.
 */
@Singleton
public class DoctorService {

    private static final String TARGET = "doctor";

    private final DoctorRepository doctors;
    private final SpecialtyRepository specialties;
    private final ScheduleExceptionRepository exceptions;
    private final ReferenceCache cache;
    private final PhoneNumbers phoneNumbers;
    private final ClinicSettings clinic;
    private final AuditTrail audit;
    private final Clock clock;

    DoctorService(DoctorRepository doctors, SpecialtyRepository specialties, ScheduleExceptionRepository exceptions,
                  ReferenceCache cache, PhoneNumbers phoneNumbers, ClinicSettings clinic, AuditTrail audit, Clock clock) {
        this.doctors = doctors;
        this.specialties = specialties;
        this.exceptions = exceptions;
        this.cache = cache;
        this.phoneNumbers = phoneNumbers;
        this.clinic = clinic;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Specialty> specialties() {
        return cache.specialties();
    }

    public Optional<Specialty> findSpecialty(String code) {
        return cache.specialty(code);
    }

    /** Adds a specialty whose code is the slug of its name ("Mother & Child" -> mother-child); 409 if it exists. */
    public Specialty createSpecialty(String name) {
        Specialty saved = specialties.save(new Specialty(null, slug(name), name.trim()));
        cache.invalidate();
        audit.record("specialty.create", "specialty", saved.id(), null);
        return saved;
    }

    public List<Doctor> list() {
        return cache.doctors();
    }

    public List<Doctor> bySpecialty(String specialty) {
        return cache.doctorsOf(specialty);
    }

    public Doctor get(String id) {
        return find(id).orElseThrow(() -> new DoctorNotFound(id));
    }

    public Optional<Doctor> find(String id) {
        return cache.doctor(id);
    }

    /** The doctor whose staff account is {@code username}, if any. */
    public Optional<Doctor> findByUsername(String username) {
        return doctors.findByUsername(username);
    }

    /** Adds a doctor, AVAILABLE; 409 if another doctor has the same username. */
    public Doctor create(@Valid DoctorDetails details) {
        requireSpecialty(details.specialty());
        Instant now = clock.instant();
        WeeklySchedule schedule = details.schedule() == null ? WeeklySchedule.none() : details.schedule();
        Doctor fresh = new Doctor(null, null, null, null, null, null, Availability.AVAILABLE, null, schedule, now, now, null);
        Doctor saved = doctors.save(fresh.withDetails(details, e164(details.phone()), withCurrency(details.fee()), now));
        cache.invalidate();
        audit.record("doctor.create", TARGET, saved.id(), null);
        return saved;
    }

    public Doctor update(String id, @Valid DoctorDetails details) {
        requireSpecialty(details.specialty());
        String phone = e164(details.phone());
        Fee fee = withCurrency(details.fee());
        Doctor saved = modify(id, d -> d.withDetails(details, phone, fee, clock.instant()));
        audit.record("doctor.update", TARGET, id, null);
        return saved;
    }

    public Doctor setSchedule(String id, @Valid WeeklySchedule schedule) {
        Doctor saved = modify(id, d -> d.withSchedule(schedule, clock.instant()));
        audit.record("doctor.schedule", TARGET, id, null);
        return saved;
    }

    /** {@code actingDoctor}: the username of a doctor who may change only their own availability, or null. */
    public Doctor setAvailability(String id, Availability availability, @Nullable String actingDoctor) {
        requireOwn(id, actingDoctor);
        Doctor saved = modify(id, d -> d.withAvailability(availability, clock.instant()));
        audit.record("doctor.availability", TARGET, id, null);
        return saved;
    }

    /** {@code actingDoctor}: the username of a doctor who may change only their own leave and hours, or null. */
    public ScheduleException addException(String doctorId, @Valid ScheduleChange change, @Nullable String actingDoctor) {
        requireOwn(doctorId, actingDoctor);
        ScheduleException saved = exceptions.save(new ScheduleException(null, doctorId, change.date(), change.kind(),
                change.from(), change.to(), change.note()));
        cache.invalidate();
        audit.record("doctor.exception.create", TARGET, doctorId, null);
        return saved;
    }

    public void removeException(String doctorId, String exceptionId, @Nullable String actingDoctor) {
        requireOwn(doctorId, actingDoctor);
        ScheduleException existing = (ObjectId.isValid(exceptionId) ? exceptions.findById(exceptionId) : Optional.<ScheduleException>empty())
                .filter(e -> e.doctorId().equals(doctorId))
                .orElseThrow(() -> new ScheduleExceptionNotFound(exceptionId));
        exceptions.delete(existing);
        cache.invalidate();
        audit.record("doctor.exception.delete", TARGET, doctorId, null);
    }

    /** Leave and extra hours of the doctor between two clinic-local dates, inclusive. */
    public List<ScheduleException> exceptions(String doctorId, LocalDate from, LocalDate to) {
        return cache.exceptions(doctorId, from, to);
    }

    /**
     * 404 when there is no such doctor, 403 when {@code actingDoctor} is another doctor. The username is read from
     * the store, not the cache: a username just moved to another doctor must not keep its rights.
     */
    private void requireOwn(String doctorId, @Nullable String actingDoctor) {
        get(doctorId);
        if (actingDoctor != null && !doctors.findByUsername(actingDoctor).map(d -> d.id().equals(doctorId)).orElse(false)) {
            throw new NotYourSchedule();
        }
    }

    private void requireSpecialty(String specialty) {
        if (specialties.findByCode(specialty).isEmpty()) {
            throw new UnknownSpecialty(specialty);
        }
    }

    private Fee withCurrency(Fee fee) {
        return new Fee(fee.amount(), fee.currency() == null ? clinic.currency() : fee.currency());
    }

    private String e164(String phone) {
        return phone == null ? null : phoneNumbers.toE164(phone).orElseThrow(() -> new IllegalArgumentException("phone validated by @ValidPhone"));
    }

    /** Reads the doctor from the store, not the cache: the update is a compare-and-set on the stored version. */
    private Doctor modify(String id, UnaryOperator<Doctor> change) {
        Doctor saved = VersionedUpdate.retrying("Doctor " + id, () -> doctors.update(change.apply(stored(id))));
        cache.invalidate();
        return saved;
    }

    private Doctor stored(String id) {
        return (ObjectId.isValid(id) ? doctors.findById(id) : Optional.<Doctor>empty()).orElseThrow(() -> new DoctorNotFound(id));
    }

    /** The code a specialty of this name gets: "Mother & Child" -> mother-child. */
    public static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
