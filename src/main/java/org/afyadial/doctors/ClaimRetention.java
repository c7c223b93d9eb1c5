package org.afyadial.doctors;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * How long a claim on a doctor's time ({@link SlotClaims}) is kept after that time started, before the store deletes
 * it (a TTL index on the claim's start). A claim only stops a second booking of its time, and no time can be booked
 * once it has started; the appointment keeps the record of the visit. Counted from the start, so a claim on time
 * still ahead never expires.
 *
 * @param slotClaims {@code SLOT_CLAIM_RETENTION}: 30 days by default, at least one: a claim stays readable for a
 *                   while after its visit, when staff look into a booking
 */
@ConfigurationProperties("afyadial.retention")
public record ClaimRetention(@Bindable(defaultValue = "30d") Duration slotClaims) {

    static final Duration SHORTEST = Duration.ofDays(1);

    public ClaimRetention {
        if (slotClaims.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("SLOT_CLAIM_RETENTION is " + slotClaims + "; it must be at least "
                    + SHORTEST.toDays() + "d after the claimed time's start");
        }
    }
}
