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
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * The {@code payments} collection: one document per provider transaction, kept forever. The unique index on
 * (provider, transactionId) makes a redelivered notification find the payment its first delivery stored; the
 * decision on what the payment did ({@code settled}) is taken once, by whichever instance gets there first.
 */
@Singleton
class Payments {

    static final String COLLECTION = "payments";
    private static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    /** An upsert that answers the document it found, or nothing when it inserted one. */
    private static final FindOneAndUpdateOptions INSERT_ONLY = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.BEFORE);

    /** When the receipt of an applied payment still waiting for the code the payer sees goes without it. */
    private static final String RECEIPT_DUE = "receiptDueAt";

    private final MongoCollection<Document> payments;

    Payments(Store store) {
        this.payments = store.collection(COLLECTION);
    }

    @Singleton
    static class PaymentIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(
                    new IndexModel(Indexes.ascending("provider", "transactionId"), new IndexOptions().unique(true).name("once_per_transaction")),
                    new IndexModel(Indexes.ascending("receiptCode"), new IndexOptions().sparse(true).name("by_receipt_code")),
                    new IndexModel(Indexes.ascending("billId"), new IndexOptions().sparse(true).name("by_bill")),
                    new IndexModel(Indexes.ascending("review"), new IndexOptions().sparse(true).name("for_review")),
                    new IndexModel(Indexes.ascending("receivedAt"), new IndexOptions().name("by_time")),
                    new IndexModel(Indexes.ascending(RECEIPT_DUE), new IndexOptions().sparse(true).name("receipt_due")),
                    new IndexModel(Indexes.ascending("provider", "requestId"), new IndexOptions().sparse(true).name("by_request")));
        }
    }

    /** A transaction as stored; {@code settled} when an earlier delivery already decided what it did. */
    record Recorded(Payment payment, boolean settled) {
    }

    /**
     * Stores the transaction, or finds the one an earlier delivery stored, in one upsert that only inserts: a
     * repeated delivery reads the stored payment through the unique index and changes nothing, with no
     * duplicate-key error to build and catch. Being a write, its answer still waits for the disk, so a repeated
     * delivery is acknowledged only once what it found is durable. Two first deliveries cannot both insert: the
     * embedded store runs one update of a collection at a time, and MongoDB retries an upsert whose filter is an
     * equality match on a unique index.
     */
    Recorded insertOnce(PaymentResult result, Instant now) {
        Bson stored = and(eq("provider", result.provider().name()), eq("transactionId", transactionKey(result)));
        Document fields = new Document("_id", new ObjectId().toHexString())
                .append("amount", result.amount())
                .append("currency", result.currency())
                .append("status", (result.succeeded() ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED).name())
                .append("applied", false)
                .append("receivedAt", Date.from(now))
                .append("updatedAt", Date.from(now));
        putIfPresent(fields, "receiptCode", result.receiptCode());
        putIfPresent(fields, "requestId", result.requestId());
        putIfPresent(fields, "billReference", result.billReference());
        putIfPresent(fields, "payerPhone", result.payerPhone());
        putIfPresent(fields, "failure", result.failure() == null ? null : result.failure().name());
        Document before = payments.findOneAndUpdate(stored, new Document("$setOnInsert", fields), INSERT_ONLY);
        if (before == null) {
            return new Recorded(Payment.of(fields.append("provider", result.provider().name())
                    .append("transactionId", transactionKey(result))), false);
        }
        return new Recorded(Payment.of(before), before.getBoolean("settled", false));
    }

    /**
     * Adds the code the payer sees to a payment first told without it (Daraja's STK query gives none); empty when
     * it had one already.
     */
    Optional<Payment> attachReceipt(String id, String receiptCode, Instant now) {
        return Optional.ofNullable(payments.findOneAndUpdate(and(eq("_id", id), eq("receiptCode", null)),
                combine(set("receiptCode", receiptCode), set("updatedAt", Date.from(now))), RETURN_AFTER)).map(Payment::of);
    }

    /**
     * Holds the receipt of an applied payment until {@code due} for the code the payer sees; not when the code came
     * meanwhile (whoever brought it sends the receipt).
     */
    void receiptDue(String id, Instant due) {
        payments.updateOne(and(eq("_id", id), eq("receiptCode", null)), set(RECEIPT_DUE, Date.from(due)));
    }

    /** Payments whose receipt waited for a code until {@code now} in vain, oldest first. */
    List<Payment> receiptsDue(Instant now, int limit) {
        List<Payment> found = new ArrayList<>();
        payments.find(lte(RECEIPT_DUE, Date.from(now))).sort(Sorts.ascending(RECEIPT_DUE)).limit(limit)
                .forEach(d -> found.add(Payment.of(d)));
        return found;
    }

    /** The receipt held for a code is queued: the payment no longer waits. */
    void receiptQueued(String id) {
        payments.updateOne(eq("_id", id), unset(RECEIPT_DUE));
    }

    /**
     * Takes back a success that named a push request the store did not know by that id yet (the provider called back
     * before its answer to the push was stored), so that it is settled again against that request: in one
     * conditional update, so of the callback and the push that both see it, one takes it; empty when there is none.
     * Never one that staff matched meanwhile.
     */
    Optional<Payment> takeBackUnmatched(Provider provider, String requestId, Instant now) {
        Bson unmatched = and(eq("provider", provider.name()), eq("requestId", requestId), eq("status", PaymentStatus.SUCCEEDED.name()),
                eq("settled", true), eq("review", Review.UNMATCHED.name()), eq("applied", false));
        return Optional.ofNullable(payments.findOneAndUpdate(unmatched,
                combine(set("settled", false), set("review", null), set("updatedAt", Date.from(now))), RETURN_AFTER)).map(Payment::of);
    }

    /** A failure the provider told of this push request, if it told one. */
    Optional<Payment> failureOf(Provider provider, String requestId) {
        return Optional.ofNullable(payments.find(and(eq("provider", provider.name()), eq("requestId", requestId),
                eq("status", PaymentStatus.FAILED.name()))).first()).map(Payment::of);
    }

    /** Ties a failure told before its request was known to that request's bill. */
    void failedFor(String id, String billId, Instant now) {
        payments.updateOne(and(eq("_id", id), eq("billId", null)), combine(set("billId", billId), set("updatedAt", Date.from(now))));
    }

    /** Records what the payment did, unless another delivery recorded it first; empty then. */
    Optional<Payment> settle(String id, @Nullable String billId, boolean applied, @Nullable Review review, Instant now) {
        Bson change = combine(set("settled", true), set("applied", applied), set("billId", billId),
                set("review", review == null ? null : review.name()), set("updatedAt", Date.from(now)));
        return Optional.ofNullable(payments.findOneAndUpdate(and(eq("_id", id), ne("settled", true)), change, RETURN_AFTER))
                .map(Payment::of);
    }

    /** Staff's decision on a payment in review: applied to a bill, or refunded; empty when it no longer waits. */
    Optional<Payment> resolve(String id, Bson change, Instant now) {
        return Optional.ofNullable(payments.findOneAndUpdate(and(eq("_id", id), ne("review", null), eq("status", PaymentStatus.SUCCEEDED.name()),
                eq("applied", false)), combine(change, set("updatedAt", Date.from(now))), RETURN_AFTER)).map(Payment::of);
    }

    /** Puts back in review a payment whose match the bill refused. */
    void reopen(String id, Review review, Instant now) {
        payments.updateOne(eq("_id", id), combine(set("applied", false), set("billId", null), set("review", review.name()),
                set("updatedAt", Date.from(now))));
    }

    /** Records a refund given back in the provider's portal. */
    Optional<Payment> refunded(String id, String reason, Instant now) {
        return Optional.ofNullable(payments.findOneAndUpdate(and(eq("_id", id), eq("status", PaymentStatus.SUCCEEDED.name())),
                combine(set("status", PaymentStatus.REFUNDED.name()), set("note", reason), set("updatedAt", Date.from(now))),
                RETURN_AFTER)).map(Payment::of);
    }

    Optional<Payment> find(String id) {
        return Optional.ofNullable(payments.find(eq("_id", id)).first()).map(Payment::of);
    }

    /** The successful payment carrying this receipt code, if one was recorded. */
    Optional<Payment> byReceiptCode(String code) {
        return Optional.ofNullable(payments.find(and(eq("receiptCode", code), eq("status", PaymentStatus.SUCCEEDED.name()))).first())
                .map(Payment::of);
    }

    /** The phone that paid, for the receipt of money that matched no bill. */
    Optional<String> payerPhone(String id) {
        return Optional.ofNullable(payments.find(eq("_id", id)).first()).map(d -> d.getString("payerPhone"));
    }

    List<Payment> forBill(String billId) {
        return list(eq("billId", billId), 1000);
    }

    List<Payment> inReview() {
        return list(and(ne("review", null), eq("status", PaymentStatus.SUCCEEDED.name())), 1000);
    }

    List<Payment> search(@Nullable Instant from, @Nullable Instant to, @Nullable Provider provider,
                         @Nullable PaymentStatus status, int limit) {
        List<Bson> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add(gte("receivedAt", Date.from(from)));
        }
        if (to != null) {
            conditions.add(lt("receivedAt", Date.from(to)));
        }
        if (provider != null) {
            conditions.add(eq("provider", provider.name()));
        }
        if (status != null) {
            conditions.add(eq("status", status.name()));
        }
        return list(conditions.isEmpty() ? new Document() : and(conditions), limit);
    }

    private List<Payment> list(Bson filter, int limit) {
        List<Payment> found = new ArrayList<>();
        payments.find(filter).sort(Sorts.descending("receivedAt")).limit(limit).forEach(d -> found.add(Payment.of(d)));
        return found;
    }

    /**
     * A failure is kept apart from the success of the same transaction id (AT names both by its transaction id), so
     * that money arriving after a failure is still recorded.
     */
    private static String transactionKey(PaymentResult result) {
        return result.succeeded() ? result.transactionId() : "failed:" + result.transactionId();
    }

    private static void putIfPresent(Document document, String field, @Nullable String value) {
        if (value != null) {
            document.append(field, value);
        }
    }
}
