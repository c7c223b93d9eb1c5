package org.afyadial.appointments;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an appointment. Open (REQUESTED, CONFIRMED) appointments have not happened yet and
 * may be cancelled or rescheduled; REFUSED, COMPLETED, NO_SHOW, CANCELLED and RESCHEDULED are final.
 * A rescheduled appointment stays as RESCHEDULED and links to its replacement, which links back.
 */
public enum AppointmentStatus {
    REQUESTED, CONFIRMED, REFUSED, CHECKED_IN, COMPLETED, NO_SHOW, CANCELLED, RESCHEDULED;

    private static final Map<AppointmentStatus, Set<AppointmentStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(CONFIRMED, REFUSED, CANCELLED, RESCHEDULED),
            CONFIRMED, EnumSet.of(CHECKED_IN, NO_SHOW, CANCELLED, RESCHEDULED),
            CHECKED_IN, EnumSet.of(COMPLETED),
            REFUSED, EnumSet.noneOf(AppointmentStatus.class),
            COMPLETED, EnumSet.noneOf(AppointmentStatus.class),
            NO_SHOW, EnumSet.noneOf(AppointmentStatus.class),
            CANCELLED, EnumSet.noneOf(AppointmentStatus.class),
            RESCHEDULED, EnumSet.noneOf(AppointmentStatus.class));

    /** Statuses still ahead of the patient: shown as upcoming, cancellable, reschedulable. */
    public static final Set<AppointmentStatus> OPEN = EnumSet.of(REQUESTED, CONFIRMED);

    public Set<AppointmentStatus> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canBecome(AppointmentStatus next) {
        return allowedNext().contains(next);
    }

    /** Whether an appointment in this status holds its doctor's time (a refused or cancelled one frees it). */
    public boolean holdsSlot() {
        return this != REFUSED && this != CANCELLED && this != RESCHEDULED;
    }
}
