package org.afyadial.appointments;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import org.bson.types.ObjectId;
import org.afyadial.doctors.Doctor;
import org.afyadial.doctors.DoctorService;
import org.afyadial.doctors.FreeSlotFinder;
import org.afyadial.doctors.Slot;
import org.afyadial.doctors.SlotClaims;
import org.afyadial.doctors.SlotTaken;
import org.afyadial.patients.Channel;
import org.afyadial.patients.ChannelAudit;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.VersionedUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.afyadial.appointments.AppointmentStatus.CANCELLED;
import static org.afyadial.appointments.AppointmentStatus.CHECKED_IN;
import static org.afyadial.appointments.AppointmentStatus.COMPLETED;
import static org.afyadial.appointments.AppointmentStatus.CONFIRMED;
import static org.afyadial.appointments.AppointmentStatus.NO_SHOW;
import static org.afyadial.appointments.AppointmentStatus.OPEN;
import static org.afyadial.appointments.AppointmentStatus.REFUSED;
import static org.afyadial.appointments.AppointmentStatus.REQUESTED;
import static org.afyadial.appointments.AppointmentStatus.RESCHEDULED;

/**
 * Booking and the life of appointments, for patients (USSD, SMS) and staff (REST).
 *
 * <p>No double booking: a booking first claims its doctor's start time in {@link SlotClaims}
 * (unique in the store), then saves the appointment; if the save fails the claim is released.
 * The claim is released again when the appointment is refused, cancelled or rescheduled.
 * Status changes are compare-and-set on the appointment's version, so two concurrent changes
 * cannot both pass the state machine. Every change is audited and published as {@link AppointmentChanged}.
 */
@Singleton
public class AppointmentService {

    private static final Logger LOG = LoggerFactory.getLogger(AppointmentService.class);
    private static final String TARGET = "appointment";
    /** Draws of a reference before giving up; a draw is taken with a chance of (appointments stored) / 28 million. */
    private static final int REFERENCE_DRAWS = 10;

    private final AppointmentRepository repository;
    private final PatientService patients;
    private final DoctorService doctors;
    private final FreeSlotFinder slots;
    private final SlotClaims claims;
    private final AbandonedClaims abandoned;
    private final References references;
    private final AppointmentSettings settings;
    private final ChannelAudit audit;
    private final ApplicationEventPublisher<AppointmentChanged> events;
    private final Clock clock;

    AppointmentService(AppointmentRepository repository, PatientService patients, DoctorService doctors,
                       FreeSlotFinder slots, SlotClaims claims, AbandonedClaims abandoned, References references, AppointmentSettings settings,
                       ChannelAudit audit, ApplicationEventPublisher<AppointmentChanged> events, Clock clock) {
        this.repository = repository;
        this.patients = patients;
        this.doctors = doctors;
        this.slots = slots;
        this.claims = claims;
        this.abandoned = abandoned;
        this.references = references;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---- booking

    /** Books a slot of the doctor's schedule; {@link SlotTaken} (409) if someone holds it. */
    public Appointment book(String patientId, String doctorId, Instant start, @Nullable String reason, Channel channel) {
        Patient patient = patients.get(patientId);
        Doctor doctor = doctors.get(doctorId);
        Slot slot = futureSlotOf(doctor, start);
        return booked(insert(patientId, doctor, slot.start(), slot.end(), reason, false, channel, null), patient, channel);
    }

    /**
     * A staff booking that may fall outside the slot grid (an emergency squeezed in). It still
     * claims its exact start, so two bookings of the doctor never share a start; it may overlap
     * a grid slot, which then stops being offered.
     */
    public Appointment bookUrgent(String patientId, String doctorId, Instant start, @Nullable String reason) {
        Patient patient = patients.get(patientId);
        Doctor doctor = doctors.get(doctorId);
        requireFuture(start);
        Instant end = start.plus(slots.slotLength(doctor));
        return booked(insert(patientId, doctor, start, end, reason, true, Channel.STAFF, null), patient, Channel.STAFF);
    }

    /** Books whichever doctor of the specialty is free at {@code start}; {@link NoFreeSlot} (409) if none is. */
    public Appointment bookAnyAvailable(String patientId, String specialty, Instant start, @Nullable String reason, Channel channel) {
        Patient patient = patients.get(patientId);
        for (Slot free : slots.freeSlotsForSpecialty(specialty, start, start.plusMillis(1))) {
            try {
                Doctor doctor = doctors.get(free.doctorId());
                return booked(insert(patientId, doctor, free.start(), free.end(), reason, false, channel, null), patient, channel);
            } catch (SlotTaken e) {
                // someone booked this doctor meanwhile: the next doctor may still be free
            }
        }
        throw new NoFreeSlot(specialty);
    }

    // ---- reading

    public Appointment get(String id) {
        return find(id).orElseThrow(() -> new AppointmentNotFound(id));
    }

    public Optional<Appointment> find(String id) {
        return ObjectId.isValid(id) ? repository.findById(id) : Optional.empty();
    }

    public Optional<Appointment> findByReference(String reference) {
        return repository.findByReference(reference.trim().toUpperCase(Locale.ROOT));
    }

    /** Appointments matching the filter, by start unless the page asks for another order. */
    public Page<Appointment> search(AppointmentFilter filter, Pageable pageable) {
        Pageable ordered = pageable.isSorted() ? pageable : pageable.order(Sort.Order.asc("start"));
        return repository.findAll(filter.toBson(), ordered);
    }

    /** Appointments booked or changed at or after that instant, in no particular order. */
    public List<Appointment> changedSince(Instant from) {
        return repository.updatedSince(from);
    }

    /** The patient's REQUESTED and CONFIRMED appointments that have not started, soonest first. */
    public List<Appointment> upcomingFor(String patientId) {
        return upcomingFor(List.of(patientId));
    }

    /** The patient's next open appointment, e.g. the one an SMS "CANCEL" refers to. */
    public Optional<Appointment> nextOpenFor(String patientId) {
        return upcomingFor(patientId).stream().findFirst();
    }

    /** The soonest open appointment of anybody registered on the phone (a family shares one). */
    public Optional<Appointment> nextOpenForPhone(String phone) {
        List<String> ids = patients.findByPhone(phone).stream().map(Patient::id).toList();
        return ids.isEmpty() ? Optional.empty() : upcomingFor(ids).stream().findFirst();
    }

    // ---- changes by the patient

    /** Cancels on the patient's behalf, refused with {@link CancellationWindowClosed} inside the window. */
    public Appointment cancelByPatient(String id, String patientId, Channel channel) {
        return transition(id, CANCELLED, ChangeKind.CANCELLED, channel, a -> {
            requirePatient(a, patientId);
            requireOutsideCancellationWindow(a);
            return a.cancelled("Cancelled by the patient", clock.instant());
        });
    }

    /** Moves the patient's appointment to another slot of the same doctor, outside the cancellation window. */
    public Appointment rescheduleByPatient(String id, String patientId, Instant newStart, Channel channel) {
        Appointment old = get(id);
        requirePatient(old, patientId);
        requireOutsideCancellationWindow(old);
        return reschedule(old, doctors.get(old.doctorId()), newStart, channel);
    }

    // ---- changes by staff

    /**
     * {@code doctorUsername} names the doctor making the change when only their own appointments are
     * theirs to change, null when front-desk staff make it.
     */
    public Appointment cancelByStaff(String id, String reason, @Nullable String doctorUsername) {
        return transition(id, CANCELLED, ChangeKind.CANCELLED, Channel.STAFF, a -> {
            requireDoctorIfNamed(a, doctorUsername);
            return a.cancelled(reason, clock.instant());
        });
    }

    /** The doctor linked to staff account {@code doctorUsername} confirms their own appointment. */
    public Appointment confirm(String id, String doctorUsername) {
        return transition(id, CONFIRMED, ChangeKind.CONFIRMED, Channel.STAFF, a -> {
            requireDoctor(a, doctorUsername);
            return a.withStatus(CONFIRMED, clock.instant());
        });
    }

    public Appointment refuse(String id, String doctorUsername, @Nullable String reason) {
        return transition(id, REFUSED, ChangeKind.REFUSED, Channel.STAFF, a -> {
            requireDoctor(a, doctorUsername);
            return a.refused(reason, clock.instant());
        });
    }

    public Appointment checkIn(String id) {
        return transition(id, CHECKED_IN, ChangeKind.CHECKED_IN, Channel.STAFF, a -> a.withStatus(CHECKED_IN, clock.instant()));
    }

    /** The doctor linked to staff account {@code doctorUsername} completes their own appointment. */
    public Appointment complete(String id, String doctorUsername) {
        return transition(id, COMPLETED, ChangeKind.COMPLETED, Channel.STAFF, a -> {
            requireDoctor(a, doctorUsername);
            return a.withStatus(COMPLETED, clock.instant());
        });
    }

    /** {@code doctorUsername} as in {@link #cancelByStaff}. */
    public Appointment noShow(String id, @Nullable String doctorUsername) {
        return transition(id, NO_SHOW, ChangeKind.NO_SHOW, Channel.STAFF, a -> {
            requireDoctorIfNamed(a, doctorUsername);
            return a.withStatus(NO_SHOW, clock.instant());
        });
    }

    /** Moves an appointment to {@code newStart} with the same doctor, or with {@code doctorId} when given. */
    public Appointment reschedule(String id, Instant newStart, @Nullable String doctorId) {
        Appointment old = get(id);
        return reschedule(old, doctors.get(doctorId == null ? old.doctorId() : doctorId), newStart, Channel.STAFF);
    }

    /** Gives a REQUESTED appointment to another doctor of its specialty, free at the same time. */
    public Appointment assignDoctor(String id, String doctorId) {
        Appointment current = get(id);
        Doctor doctor = doctors.get(doctorId);
        if (!doctor.specialty().equals(current.specialty())) {
            throw new DoctorMismatch(current.specialty());
        }
        if (!current.urgent()) {
            futureSlotOf(doctor, current.start());
        }
        claims.claim(doctor.id(), current.start(), current.end(), current.reference());
        Change change;
        try {
            change = VersionedUpdate.retrying("Appointment " + id, () -> {
                Appointment before = get(id);
                if (before.status() != REQUESTED) {
                    throw new IllegalTransition(before.status(), "be given another doctor (only REQUESTED ones can)");
                }
                return new Change(before, repository.update(before.withDoctor(doctor.id(), clock.instant())));
            });
        } catch (RuntimeException e) {
            claims.release(doctor.id(), current.start(), current.reference());
            throw e;
        }
        claims.release(change.before().doctorId(), current.start(), current.reference());
        return announced(change, ChangeKind.DOCTOR_ASSIGNED, Channel.STAFF);
    }

    // ---- internals

    private record Change(Appointment before, Appointment after) {
    }

    /**
     * Claims the time, then saves; the claim is released if the save fails. The save fails on the unique
     * reference when the random reference is already taken: the booking then draws another one.
     */
    private Appointment insert(String patientId, Doctor doctor, Instant start, Instant end, @Nullable String reason,
                               boolean urgent, Channel channel, @Nullable String previousId) {
        for (int draw = 1; ; draw++) {
            String reference = references.draw();
            claim(doctor, start, end, reference);
            try {
                Instant now = clock.instant();
                return repository.save(new Appointment(null, reference, patientId, doctor.id(), doctor.specialty(), start, end,
                        settings.initialStatus(), reason, urgent, channel, previousId, null, null, now, now, null));
            } catch (RuntimeException e) {
                claims.release(doctor.id(), start, reference);
                if (!DuplicateKey.causedBy(e) || draw == REFERENCE_DRAWS) {
                    throw e;
                }
            }
        }
    }

    private void claim(Doctor doctor, Instant start, Instant end, String reference) {
        try {
            claims.claim(doctor.id(), start, end, reference);
        } catch (SlotTaken taken) {
            // a claim a crash left behind is released here too, before the next repair round comes
            if (!abandoned.releaseIfAbandoned(doctor.id(), start)) {
                throw taken;
            }
            claims.claim(doctor.id(), start, end, reference);
        }
    }

    private Appointment booked(Appointment appointment, Patient patient, Channel channel) {
        audit.record(channel, "appointment.book", TARGET, appointment.id(), appointment.patientId());
        publish(new AppointmentChanged(appointment, null, ChangeKind.BOOKED, channel, patient));
        return appointment;
    }

    /**
     * Books the replacement first (so the new time is secured), then marks the old one RESCHEDULED;
     * if the old one cannot be (it changed meanwhile), the replacement is removed again.
     */
    private Appointment reschedule(Appointment old, Doctor doctor, Instant newStart, Channel channel) {
        if (!old.status().canBecome(RESCHEDULED)) {
            throw new IllegalTransition(old.status(), RESCHEDULED);
        }
        Slot slot = futureSlotOf(doctor, newStart);
        Appointment replacement = insert(old.patientId(), doctor, slot.start(), slot.end(), old.reason(), false, channel, old.id());
        Change change;
        try {
            change = markRescheduled(replacement);
        } catch (RuntimeException e) {
            repository.delete(replacement);
            claims.release(replacement.doctorId(), replacement.start(), replacement.reference());
            throw e;
        }
        return rescheduled(change, replacement, channel);
    }

    /**
     * Completes a reschedule that a crash cut short once its replacement was saved: the old appointment becomes
     * RESCHEDULED, frees its time and the change is announced, as the reschedule would have done. Throws
     * {@link IllegalTransition} if the old appointment is no longer open (another instance completed it first).
     */
    void completeReschedule(Appointment replacement) {
        rescheduled(markRescheduled(replacement), replacement, replacement.channel());
    }

    private Change markRescheduled(Appointment replacement) {
        return changeStatus(replacement.previousAppointmentId(), RESCHEDULED, a -> a.rescheduledTo(replacement.id(), clock.instant()));
    }

    private Appointment rescheduled(Change change, Appointment replacement, Channel channel) {
        Appointment old = change.before();
        claims.release(old.doctorId(), old.start(), old.reference());
        audit.record(channel, "appointment.reschedule", TARGET, old.id(), old.patientId());
        audit.record(channel, "appointment.book", TARGET, replacement.id(), replacement.patientId());
        publish(new AppointmentChanged(replacement, old.status(), ChangeKind.RESCHEDULED, channel, null));
        return replacement;
    }

    private Appointment transition(String id, AppointmentStatus to, ChangeKind kind, Channel channel,
                                   UnaryOperator<Appointment> edit) {
        Change change = changeStatus(id, to, edit);
        if (!to.holdsSlot()) {
            claims.release(change.after().doctorId(), change.after().start(), change.after().reference());
        }
        return announced(change, kind, channel);
    }

    /**
     * The edit (which checks who may make it), the state machine check and the write, as one
     * compare-and-set on the version.
     */
    private Change changeStatus(String id, AppointmentStatus to, UnaryOperator<Appointment> edit) {
        return VersionedUpdate.retrying("Appointment " + id, () -> {
            Appointment before = get(id);
            Appointment after = edit.apply(before);
            if (!before.status().canBecome(to)) {
                throw new IllegalTransition(before.status(), to);
            }
            return new Change(before, repository.update(after));
        });
    }

    private Appointment announced(Change change, ChangeKind kind, Channel channel) {
        Appointment after = change.after();
        audit.record(channel, "appointment." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), TARGET,
                after.id(), after.patientId());
        publish(new AppointmentChanged(after, change.before().status(), kind, channel, null));
        return after;
    }

    /** The change is stored: a failing listener is logged, not turned into a failed request. */
    private void publish(AppointmentChanged event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.error("A listener failed on {} of appointment {}", event.kind(), event.appointment().id(), e);
        }
    }

    private List<Appointment> upcomingFor(List<String> patientIds) {
        return repository.startingFrom(patientIds, OPEN, clock.instant());
    }

    private Slot futureSlotOf(Doctor doctor, Instant start) {
        requireFuture(start);
        return slots.offeredSlotAt(doctor, start).orElseThrow(() -> new SlotNotOffered(
                "start is not a slot of " + doctor.displayName() + "'s schedule; see the doctor's free slots"));
    }

    private void requireFuture(Instant start) {
        if (!start.isAfter(clock.instant())) {
            throw new SlotNotOffered("start is in the past");
        }
    }

    private void requirePatient(Appointment appointment, String patientId) {
        if (!appointment.patientId().equals(patientId)) {
            throw new NotYourAppointment("yours");
        }
    }

    private void requireDoctor(Appointment appointment, String username) {
        boolean own = doctors.findByUsername(username).map(d -> d.id().equals(appointment.doctorId())).orElse(false);
        if (!own) {
            throw new NotYourAppointment("assigned to you");
        }
    }

    private void requireDoctorIfNamed(Appointment appointment, @Nullable String username) {
        if (username != null) {
            requireDoctor(appointment, username);
        }
    }

    private void requireOutsideCancellationWindow(Appointment appointment) {
        if (clock.instant().plus(settings.cancellationWindow()).isAfter(appointment.start())) {
            throw new CancellationWindowClosed(settings.cancellationWindowHours());
        }
    }
}
