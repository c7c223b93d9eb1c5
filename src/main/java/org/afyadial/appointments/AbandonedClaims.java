package org.afyadial.appointments;

import jakarta.inject.Singleton;
import org.afyadial.doctors.SlotClaims;
import org.afyadial.doctors.SlotClaims.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Claims on a doctor's time that no appointment holds. A booking claims the time before it saves the appointment, and
 * a cancellation, refusal or reschedule releases the claim after it saved the change: a crash in between leaves a
 * claim that would refuse the time to every later patient. A claim is judged only once it is older than any booking
 * takes between its claim and its save, so a booking in progress is never raced; it is then released by a delete
 * conditional on its holder, so a claim made since by another booking stays, whichever instance runs the repair.
 * The holder's reference may also be another appointment's (a draw that was taken), which does not hold this time.
 */
@Singleton
class AbandonedClaims {

    /** Longer than any booking takes between its claim and its save. */
    static final Duration IN_PROGRESS = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedClaims.class);

    private final SlotClaims claims;
    private final AppointmentRepository repository;
    private final Clock clock;

    AbandonedClaims(SlotClaims claims, AppointmentRepository repository, Clock clock) {
        this.claims = claims;
        this.repository = repository;
        this.clock = clock;
    }

    /** Releases the claim on the doctor's start time if it is abandoned; answers whether the time is free now. */
    boolean releaseIfAbandoned(String doctorId, Instant start) {
        return claims.holderOf(doctorId, start)
                .filter(claim -> settled(claim) && !heldBy(repository.findByReference(claim.holder()), claim))
                .map(this::release)
                .orElse(false);
    }

    /** Releases every abandoned claim on time still ahead; answers how many it released. */
    int releaseAll() {
        Instant now = clock.instant();
        List<Claim> settled = claims.madeBefore(now.minus(IN_PROGRESS), now);
        Map<String, Appointment> holders = repository.findByReferenceIn(settled.stream().map(Claim::holder).toList()).stream()
                .collect(Collectors.toMap(Appointment::reference, Function.identity()));
        return (int) settled.stream()
                .filter(claim -> !heldBy(Optional.ofNullable(holders.get(claim.holder())), claim))
                .filter(this::release)
                .count();
    }

    private boolean settled(Claim claim) {
        return claim.claimedAt().plus(IN_PROGRESS).isBefore(clock.instant());
    }

    private static boolean heldBy(Optional<Appointment> holder, Claim claim) {
        return holder.filter(a -> a.status().holdsSlot() && a.doctorId().equals(claim.doctorId()) && a.start().equals(claim.start()))
                .isPresent();
    }

    private boolean release(Claim claim) {
        boolean released = claims.release(claim.doctorId(), claim.start(), claim.holder());
        if (released) {
            LOG.warn("Released the abandoned claim of {} on doctor {} at {}", claim.holder(), claim.doctorId(), claim.start());
        }
        return released;
    }
}
