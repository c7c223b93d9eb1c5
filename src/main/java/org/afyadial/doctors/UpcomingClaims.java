package org.afyadial.doctors;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The claimed time of the coming days, per doctor, served from memory: each USSD booking conversation reads a
 * doctor's claims twice (free days, free times) and patients book the same doctors again and again. The claims
 * this instance makes or releases are applied to the copy at once; those of another instance are seen once the
 * copy is older than {@code DOCTORS_CACHE_TTL} on the clinic's clock (a time offered meanwhile is refused by the
 * store's unique claim, as "that time has just been taken"). A copy loaded while this instance changed the
 * doctor's claims may miss the change, so it serves the request that loaded it but is not kept.
 */
final class UpcomingClaims {

    /** Today and the next 15 clinic-local days: the USSD menus offer 14. */
    static final int DAYS = 16;

    /** Claims starting in (from - longest slot, to) and ending after from, by start. */
    private record Copy(Instant from, Instant to, NavigableMap<Instant, Slot> byStart, Instant loadedAt) {
    }

    /** One doctor's copy and the count of this instance's changes to the doctor's claims. */
    private static final class Doctor {
        private Copy copy;
        private long changes;
    }

    /** Reads claims of the doctors overlapping [from, to) from the store. */
    interface Loader {
        List<Slot> claimed(List<String> doctorIds, Instant from, Instant to);
    }

    private final Map<String, Doctor> doctors = new ConcurrentHashMap<>();
    private final Loader store;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration ttl;

    UpcomingClaims(Loader store, Clock clock, ZoneId zone, Duration ttl) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.ttl = ttl;
    }

    /** Claimed time of the doctors overlapping [from, to); empty when the window reaches beyond the coming days. */
    Optional<List<Slot>> claimed(List<String> doctorIds, Instant from, Instant to) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant windowFrom = today.atStartOfDay(zone).toInstant();
        Instant windowTo = today.plusDays(DAYS).atStartOfDay(zone).toInstant();
        if (from.isBefore(windowFrom) || to.isAfter(windowTo)) {
            return Optional.empty();
        }
        Map<String, Copy> copies = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (String doctorId : doctorIds) {
            Copy copy = current(doctorId, from, to, now);
            if (copy == null) {
                stale.add(doctorId);
            } else {
                copies.put(doctorId, copy);
            }
        }
        if (!stale.isEmpty()) {
            copies.putAll(load(stale, windowFrom, windowTo, now));
        }
        Instant earliestStart = from.minus(Duration.ofMinutes(WeeklySchedule.LONGEST_SLOT_MINUTES));
        List<Slot> claimed = new ArrayList<>();
        for (String doctorId : doctorIds) {
            NavigableMap<Instant, Slot> byStart = copies.get(doctorId).byStart();
            Doctor doctor = doctor(doctorId);
            synchronized (doctor) {
                for (Slot claim : byStart.subMap(earliestStart, false, to, false).values()) {
                    if (claim.end().isAfter(from)) {
                        claimed.add(claim);
                    }
                }
            }
        }
        return Optional.of(claimed);
    }

    /** A claim this instance made. */
    void added(Slot claim) {
        change(claim.doctorId(), byStart -> byStart.put(claim.start(), claim));
    }

    /** A claim this instance released. */
    void removed(String doctorId, Instant start) {
        change(doctorId, byStart -> byStart.remove(start));
    }

    private void change(String doctorId, Consumer<NavigableMap<Instant, Slot>> apply) {
        Doctor doctor = doctor(doctorId);
        synchronized (doctor) {
            doctor.changes++;
            if (doctor.copy != null) {
                apply.accept(doctor.copy.byStart());
            }
        }
    }

    private Copy current(String doctorId, Instant from, Instant to, Instant now) {
        Doctor doctor = doctor(doctorId);
        synchronized (doctor) {
            Copy copy = doctor.copy;
            boolean fresh = copy != null && !now.isBefore(copy.loadedAt()) && now.isBefore(copy.loadedAt().plus(ttl));
            return fresh && !from.isBefore(copy.from()) && !to.isAfter(copy.to()) ? copy : null;
        }
    }

    /** Reads the doctors' claims of the window in one query and keeps each copy nothing changed meanwhile. */
    private Map<String, Copy> load(List<String> doctorIds, Instant from, Instant to, Instant now) {
        Map<String, Long> changesBefore = new HashMap<>();
        for (String doctorId : doctorIds) {
            Doctor doctor = doctor(doctorId);
            synchronized (doctor) {
                changesBefore.put(doctorId, doctor.changes);
            }
        }
        Map<String, Copy> loaded = new HashMap<>();
        for (String doctorId : doctorIds) {
            loaded.put(doctorId, new Copy(from, to, new TreeMap<>(), now));
        }
        for (Slot claim : store.claimed(doctorIds, from, to)) {
            loaded.get(claim.doctorId()).byStart().put(claim.start(), claim);
        }
        loaded.forEach((doctorId, copy) -> {
            Doctor doctor = doctor(doctorId);
            synchronized (doctor) {
                if (doctor.changes == changesBefore.get(doctorId)) {
                    doctor.copy = copy;
                }
            }
        });
        return loaded;
    }

    private Doctor doctor(String doctorId) {
        return doctors.computeIfAbsent(doctorId, id -> new Doctor());
    }
}
