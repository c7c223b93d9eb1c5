package org.afyadial.doctors;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.afyadial.system.ClinicSettings;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The store-level guarantee against double booking: one document per doctor and start time,
 * whose {@code _id} is {@code doctorId|start}. Inserting it is the booking's claim on the time;
 * the unique {@code _id} makes the second claimant fail, whatever the number of instances. The
 * claim names its holder (the appointment reference) so that only the holder releases it. The claims of the
 * coming days are also kept in memory ({@link UpcomingClaims}) for the free-slot lists.
 */
@Singleton
public class SlotClaims {

    static final String COLLECTION = "slot_claims";

    /** What a free-slot list needs of a claim: a doctor's coming days can hold thousands. */
    private static final Bson SLOT_FIELDS = Projections.fields(Projections.include("doctorId", "start", "end"), Projections.excludeId());

    private final Store store;
    private final Clock clock;
    private final UpcomingClaims upcoming;

    SlotClaims(Store store, Clock clock, ClinicSettings clinic, DoctorSettings settings) {
        this.store = store;
        this.clock = clock;
        this.upcoming = new UpcomingClaims(this::read, clock, clinic.timezone(), settings.cacheTtl());
    }

    /** Claims the doctor's time from start to end for holder, or throws {@link SlotTaken}. */
    public void claim(String doctorId, Instant start, Instant end, String holder) {
        try {
            store.collection(COLLECTION).insertOne(new Document("_id", key(doctorId, start))
                    .append("doctorId", doctorId)
                    .append("start", Date.from(start))
                    .append("end", Date.from(end))
                    .append("holder", holder)
                    .append("claimedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                // another instance's claim, perhaps not in the memory copy yet: no longer offered from here
                upcoming.added(new Slot(doctorId, start, end));
                throw new SlotTaken();
            }
            throw e;
        }
        upcoming.added(new Slot(doctorId, start, end));
    }

    /**
     * Frees the time if holder holds it, in one conditional delete; releasing a claim one does not hold does nothing.
     * Answers whether it freed the time.
     */
    public boolean release(String doctorId, Instant start, String holder) {
        if (store.collection(COLLECTION).deleteOne(Filters.and(Filters.eq("_id", key(doctorId, start)),
                Filters.eq("holder", holder))).getDeletedCount() == 1) {
            upcoming.removed(doctorId, start);
            return true;
        }
        return false;
    }

    /** Who holds the doctor's start time, and since when, if anyone does. */
    public Optional<Claim> holderOf(String doctorId, Instant start) {
        return Optional.ofNullable(store.collection(COLLECTION).find(Filters.eq("_id", key(doctorId, start))).first())
                .map(SlotClaims::claimOf);
    }

    /** The claims made before {@code claimedBefore} on time that starts after {@code startsAfter}. */
    public List<Claim> madeBefore(Instant claimedBefore, Instant startsAfter) {
        return store.collection(COLLECTION).find(Filters.and(Filters.gt("start", Date.from(startsAfter)),
                        Filters.lt("claimedAt", Date.from(claimedBefore))))
                .map(SlotClaims::claimOf).into(new ArrayList<>());
    }

    /** A claim on a doctor's start time: its holder (an appointment reference) and when it was made. */
    public record Claim(String doctorId, Instant start, String holder, Instant claimedAt) {
    }

    private static Claim claimOf(Document claim) {
        return new Claim(claim.getString("doctorId"), claim.getDate("start").toInstant(), claim.getString("holder"),
                claim.getDate("claimedAt").toInstant());
    }

    /** Claimed time of the doctors overlapping [from, to): from memory for the coming days, else from the store. */
    public List<Slot> claimed(List<String> doctorIds, Instant from, Instant to) {
        return upcoming.claimed(doctorIds, from, to).orElseGet(() -> read(doctorIds, from, to));
    }

    /**
     * Claimed time of the doctors overlapping [from, to), in one query. The start is bounded on both sides so
     * that the {@code (doctorId, start)} index reads only the window, not the doctors' whole history: no claim
     * is longer than the longest slot.
     */
    private List<Slot> read(List<String> doctorIds, Instant from, Instant to) {
        return store.collection(COLLECTION)
                .find(Filters.and(Filters.in("doctorId", doctorIds),
                        Filters.gt("start", Date.from(from.minusSeconds(60L * WeeklySchedule.LONGEST_SLOT_MINUTES))),
                        Filters.lt("start", Date.from(to)), Filters.gt("end", Date.from(from))))
                .projection(SLOT_FIELDS)
                .map(d -> new Slot(d.getString("doctorId"), d.getDate("start").toInstant(), d.getDate("end").toInstant()))
                .into(new ArrayList<>());
    }

    private static String key(String doctorId, Instant start) {
        return doctorId + "|" + start;
    }
}
