package org.afyadial.payments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;

/**
 * The {@code bills} collection, through the driver: every change is one conditional single-document update, so
 * two instances never apply a payment twice nor change a bill from a stale read. A bill lists the payments
 * applied to it ({@code appliedPayments}); the update that applies one requires it to be absent.
 */
@Singleton
class Bills {

    static final String COLLECTION = "bills";
    private static final int REFERENCE_DRAWS = 10;
    private static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> bills;
    private final BillReferences references;

    Bills(Store store, BillReferences references) {
        this.bills = store.collection(COLLECTION);
        this.references = references;
    }

    /** One reference per bill, one bill per appointment. */
    @Singleton
    static class BillIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(
                    new IndexModel(Indexes.ascending("reference"), new IndexOptions().unique(true).name("one_bill_per_reference")),
                    new IndexModel(Indexes.ascending("appointmentId"), new IndexOptions().unique(true).sparse(true).name("one_bill_per_appointment")),
                    new IndexModel(Indexes.ascending("patientId", "createdAt"), new IndexOptions().name("by_patient")),
                    new IndexModel(Indexes.ascending("status", "createdAt"), new IndexOptions().name("by_status")));
        }
    }

    /**
     * Stores a new unpaid bill under a fresh reference. Empty when the appointment already has its bill (a repeated
     * event, or another instance got there first).
     */
    Optional<Bill> insert(String patientId, @Nullable String appointmentId, List<Bill.Line> lines, String currency, Instant now) {
        long due = lines.stream().mapToLong(Bill.Line::amount).sum();
        for (int draw = 0; draw < REFERENCE_DRAWS; draw++) {
            Document bill = new Document("_id", new ObjectId().toHexString())
                    .append("reference", references.draw())
                    .append("patientId", patientId)
                    .append("lines", lines.stream().map(l -> new Document("description", l.description()).append("amount", l.amount())).toList())
                    .append("currency", currency)
                    .append("amountDue", due)
                    .append("amountPaid", 0L)
                    .append("balance", due)
                    .append("status", BillStatus.UNPAID.name())
                    .append("appliedPayments", List.of())
                    .append("createdAt", Date.from(now))
                    .append("updatedAt", Date.from(now))
                    .append("version", 0L);
            if (appointmentId != null) {
                bill.append("appointmentId", appointmentId);
            }
            try {
                bills.insertOne(bill);
                return Optional.of(Bill.of(bill));
            } catch (RuntimeException e) {
                if (!DuplicateKey.causedBy(e)) {
                    throw e;
                }
                if (appointmentId != null && byAppointment(appointmentId).isPresent()) {
                    return Optional.empty();
                }
                // the reference was taken: draw again
            }
        }
        throw new IllegalStateException("No free bill reference in " + REFERENCE_DRAWS + " draws");
    }

    Optional<Bill> find(String id) {
        return first(eq("_id", id));
    }

    Optional<Bill> byReference(String reference) {
        return first(eq("reference", reference));
    }

    Optional<Bill> byAppointment(String appointmentId) {
        return first(eq("appointmentId", appointmentId));
    }

    /** Newest first. */
    List<Bill> list(@Nullable String patientId, @Nullable List<BillStatus> statuses, int limit) {
        List<Bson> conditions = new ArrayList<>();
        if (patientId != null) {
            conditions.add(eq("patientId", patientId));
        }
        if (statuses != null && !statuses.isEmpty()) {
            conditions.add(in("status", statuses.stream().map(Enum::name).toList()));
        }
        Bson filter = conditions.isEmpty() ? new Document() : and(conditions);
        List<Bill> found = new ArrayList<>();
        bills.find(filter).sort(Sorts.descending("createdAt")).limit(limit).forEach(d -> found.add(Bill.of(d)));
        return found;
    }

    /**
     * Applies the payment if the bill is open, has not had it already, and it does not exceed the balance: the exact
     * balance pays the bill, less leaves it partially paid. Empty when it was not applied by this call.
     */
    Optional<Bill> apply(String billId, String paymentId, long amount, String currency, Instant now) {
        Bson open = and(eq("_id", billId), in("status", BillStatus.OPEN), ne("appliedPayments", paymentId), eq("currency", currency));
        Bson applied = combine(inc("amountPaid", amount), inc("balance", -amount), inc("version", 1L),
                push("appliedPayments", paymentId), set("updatedAt", Date.from(now)));
        Document paid = bills.findOneAndUpdate(and(open, eq("balance", amount)),
                combine(applied, set("status", BillStatus.PAID.name())), RETURN_AFTER);
        if (paid != null) {
            return Optional.of(Bill.of(paid));
        }
        return Optional.ofNullable(bills.findOneAndUpdate(and(open, gt("balance", amount)),
                combine(applied, set("status", BillStatus.PARTIALLY_PAID.name())), RETURN_AFTER)).map(Bill::of);
    }

    /** Whether the payment is among those applied to the bill. */
    boolean hasApplied(String billId, String paymentId) {
        return bills.find(and(eq("_id", billId), eq("appliedPayments", paymentId))).first() != null;
    }

    /** Moves the bill from one of {@code from} to {@code to}; empty when it is in none of them. */
    Optional<Bill> move(Bson which, List<BillStatus> from, BillStatus to, @Nullable String reason, Instant now) {
        Bson change = combine(set("status", to.name()), inc("version", 1L), set("updatedAt", Date.from(now)));
        if (reason != null) {
            change = combine(change, set("voidReason", reason));
        }
        return Optional.ofNullable(bills.findOneAndUpdate(and(which, in("status", from.stream().map(Enum::name).toList())),
                change, RETURN_AFTER)).map(Bill::of);
    }

    /** Follows a rescheduled appointment: its bill now belongs to the replacement. */
    void moveToAppointment(String previousAppointmentId, String appointmentId, Instant now) {
        bills.updateOne(eq("appointmentId", previousAppointmentId),
                combine(set("appointmentId", appointmentId), inc("version", 1L), set("updatedAt", Date.from(now))));
    }

    private Optional<Bill> first(Bson filter) {
        return Optional.ofNullable(bills.find(filter).first()).map(Bill::of);
    }
}
