package org.afyadial.doctors;

import jakarta.inject.Singleton;
import org.bson.types.ObjectId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Specialties, doctors and their schedule exceptions, served from memory: every USSD booking hop reads them, staff
 * change them a few times a day. Each write of this instance ({@link DoctorService}) ends with {@link #invalidate()},
 * so its effect is seen at once; a write made through another instance is seen once the entry is older than
 * {@code DOCTORS_CACHE_TTL} on the clinic's clock. An entry loaded while a write was being made may hold the
 * state before it, so entries carry the generation they were loaded in and one from before the last
 * invalidation is never served.
 */
@Singleton
class ReferenceCache {

    private record Entry<V>(V value, Instant loadedAt, long generation) {
    }

    /** All doctors by last name, and by id. */
    private record Doctors(List<Doctor> byLastName, Map<String, Doctor> byId) {
    }

    private final DoctorRepository doctorStore;
    private final SpecialtyRepository specialtyStore;
    private final ScheduleExceptionRepository exceptionStore;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Entry<List<Specialty>>> specialties = new AtomicReference<>();
    private final AtomicReference<Entry<Doctors>> doctors = new AtomicReference<>();
    /** By doctor id: every exception of the doctor, by date. */
    private final Map<String, Entry<List<ScheduleException>>> exceptions = new ConcurrentHashMap<>();

    ReferenceCache(DoctorRepository doctorStore, SpecialtyRepository specialtyStore,
                   ScheduleExceptionRepository exceptionStore, Clock clock, DoctorSettings settings) {
        this.doctorStore = doctorStore;
        this.specialtyStore = specialtyStore;
        this.exceptionStore = exceptionStore;
        this.clock = clock;
        this.ttl = settings.cacheTtl();
    }

    List<Specialty> specialties() {
        return current(specialties.get(), () -> List.copyOf(specialtyStore.listOrderByName()), specialties::set);
    }

    Optional<Specialty> specialty(String code) {
        return specialties().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    List<Doctor> doctors() {
        return doctorSnapshot().byLastName();
    }

    List<Doctor> doctorsOf(String specialty) {
        return doctors().stream().filter(d -> specialty.equals(d.specialty())).toList();
    }

    /** A doctor added through another instance since the last load is looked up in the store. */
    Optional<Doctor> doctor(String id) {
        Doctor known = doctorSnapshot().byId().get(id);
        return known != null ? Optional.of(known) : ObjectId.isValid(id) ? doctorStore.findById(id) : Optional.empty();
    }

    /** The doctor's leave and extra hours between two clinic-local dates, inclusive, by date. */
    List<ScheduleException> exceptions(String doctorId, LocalDate from, LocalDate to) {
        List<ScheduleException> all = current(exceptions.get(doctorId),
                () -> List.copyOf(exceptionStore.findByDoctorIdOrderByDate(doctorId)), e -> exceptions.put(doctorId, e));
        return all.stream().filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to)).toList();
    }

    /** Forgets everything; called after every write to doctors, specialties or exceptions. */
    void invalidate() {
        generation.incrementAndGet();
        specialties.set(null);
        doctors.set(null);
        exceptions.clear();
    }

    private Doctors doctorSnapshot() {
        return current(doctors.get(), () -> {
            List<Doctor> all = List.copyOf(doctorStore.listOrderByLastName());
            return new Doctors(all, all.stream().collect(Collectors.toUnmodifiableMap(Doctor::id, Function.identity())));
        }, doctors::set);
    }

    private <V> V current(Entry<V> entry, Supplier<V> load, Consumer<Entry<V>> keep) {
        long loadGeneration = generation.get();
        Instant now = clock.instant();
        if (entry != null && entry.generation() == loadGeneration && !now.isBefore(entry.loadedAt())
                && now.isBefore(entry.loadedAt().plus(ttl))) {
            return entry.value();
        }
        V value = load.get();
        keep.accept(new Entry<>(value, now, loadGeneration));
        return value;
    }
}
