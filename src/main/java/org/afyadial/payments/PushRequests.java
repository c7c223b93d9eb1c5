package org.afyadial.payments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The {@code payment_requests} collection: the push prompts sent to patients' phones, PENDING until the provider
 * says how they ended. A request moves out of PENDING once; a success that comes after it failed is still
 * recorded, and the ledger sees the status it had before. Until the provider names it, a request is named by an
 * {@code unsent:} id of its own: the unique (provider, providerRequestId) index counts a missing id as a value, so
 * two requests waiting for their provider's answer at once would otherwise collide.
 */
@Singleton
class PushRequests {

    static final String COLLECTION = "payment_requests";
    private static final String UNSENT = "unsent:";
    private static final FindOneAndUpdateOptions RETURN_BEFORE = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE);
    private static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    /** A push request and where it stands. */
    @Serdeable
    record PushRequest(String id, Provider provider, @Nullable String providerRequestId, String billId, String patientId,
                       String phone, long amount, String currency, Status status, Instant createdAt) {

        /** Whether the provider took it: a request it never named cannot be asked about. */
        boolean sent() {
            return providerRequestId != null && !providerRequestId.startsWith(UNSENT);
        }

        static PushRequest of(Document d) {
            return new PushRequest(d.getString("_id"), Provider.valueOf(d.getString("provider")), d.getString("providerRequestId"),
                    d.getString("billId"), d.getString("patientId"), d.getString("phone"), d.getLong("amount"),
                    d.getString("currency"), Status.valueOf(d.getString("status")), d.getDate("createdAt").toInstant());
        }
    }

    enum Status {
        PENDING, SUCCEEDED, FAILED, TIMED_OUT
    }

    private final MongoCollection<Document> requests;

    PushRequests(Store store) {
        this.requests = store.collection(COLLECTION);
    }

    @Singleton
    static class PushRequestIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(
                    new IndexModel(Indexes.ascending("provider", "providerRequestId"), new IndexOptions().unique(true).sparse(true).name("by_provider_request")),
                    new IndexModel(Indexes.ascending("status", "createdAt"), new IndexOptions().name("pending")),
                    new IndexModel(Indexes.ascending("billId"), new IndexOptions().name("by_bill")));
        }
    }

    PushRequest insert(Provider provider, Bill bill, String phone, Instant now) {
        String id = new ObjectId().toHexString();
        Document request = new Document("_id", id)
                .append("provider", provider.name())
                .append("providerRequestId", UNSENT + id)
                .append("billId", bill.id())
                .append("patientId", bill.patientId())
                .append("phone", phone)
                .append("amount", bill.balance())
                .append("currency", bill.currency())
                .append("status", Status.PENDING.name())
                .append("createdAt", Date.from(now));
        requests.insertOne(request);
        return PushRequest.of(request);
    }

    /** Names the request by the id the provider gave it, which its callbacks carry. */
    void identify(String id, String providerRequestId) {
        requests.updateOne(eq("_id", id), set("providerRequestId", providerRequestId));
    }

    /**
     * Marks the request succeeded, with the code the payer sees when the answer gives it; answers it as it was
     * before, to tell a late success.
     */
    Optional<PushRequest> succeeded(Provider provider, String providerRequestId, @Nullable String receiptCode) {
        Bson change = receiptCode == null ? set("status", Status.SUCCEEDED.name())
                : combine(set("status", Status.SUCCEEDED.name()), set("receiptCode", receiptCode));
        return Optional.ofNullable(requests.findOneAndUpdate(byProvider(provider, providerRequestId), change, RETURN_BEFORE))
                .map(PushRequest::of);
    }

    /** Keeps the code the payer sees with a request whose success was told without it. */
    void noteReceipt(Provider provider, String providerRequestId, String receiptCode) {
        requests.updateOne(and(byProvider(provider, providerRequestId), eq("receiptCode", null)), set("receiptCode", receiptCode));
    }

    /**
     * The push request that money with this receipt, naming this bill and amount, answers: the request that already
     * carries the receipt, or else one made since {@code sentSince} that has none and may have moved money, which
     * takes it. One conditional update, so a receipt answers one request and a request one receipt; empty when no
     * request fits (money of its own).
     */
    Optional<PushRequest> claimReceipt(Provider provider, String billId, long amount, String receiptCode, Instant sentSince) {
        Bson mayTakeIt = and(eq("receiptCode", null), gte("createdAt", Date.from(sentSince)),
                in("status", Status.PENDING.name(), Status.SUCCEEDED.name(), Status.TIMED_OUT.name()));
        Bson filter = and(eq("provider", provider.name()), eq("billId", billId), eq("amount", amount),
                or(eq("receiptCode", receiptCode), mayTakeIt));
        return Optional.ofNullable(requests.findOneAndUpdate(filter, set("receiptCode", receiptCode),
                new FindOneAndUpdateOptions().sort(Sorts.descending("receiptCode", "createdAt")).returnDocument(ReturnDocument.AFTER)))
                .map(PushRequest::of);
    }

    /** Ends a pending request with a failure; empty when it had already ended (or is unknown). */
    Optional<PushRequest> failed(Provider provider, String providerRequestId, Failure failure) {
        Status status = failure == Failure.TIMED_OUT ? Status.TIMED_OUT : Status.FAILED;
        return Optional.ofNullable(requests.findOneAndUpdate(and(byProvider(provider, providerRequestId), eq("status", Status.PENDING.name())),
                combine(set("status", status.name()), set("failure", failure.name())), RETURN_BEFORE)).map(PushRequest::of);
    }

    /** A request by our own id, which some providers echo back (MoMo's {@code externalId}). */
    Optional<PushRequest> find(String id) {
        return Optional.ofNullable(requests.find(eq("_id", id)).first()).map(PushRequest::of);
    }

    Optional<PushRequest> find(Provider provider, String providerRequestId) {
        return Optional.ofNullable(requests.find(byProvider(provider, providerRequestId)).first()).map(PushRequest::of);
    }

    /** The pending requests of one provider to one phone, newest first. */
    List<PushRequest> pendingFor(Provider provider, String phone) {
        List<PushRequest> found = new ArrayList<>();
        requests.find(and(eq("provider", provider.name()), eq("phone", phone), eq("status", Status.PENDING.name())))
                .sort(new Document("createdAt", -1)).limit(10).forEach(d -> found.add(PushRequest.of(d)));
        return found;
    }

    /** Requests still pending that were sent before {@code before}, oldest first. */
    List<PushRequest> pendingSince(Instant before, int limit) {
        List<PushRequest> found = new ArrayList<>();
        requests.find(and(eq("status", Status.PENDING.name()), lt("createdAt", Date.from(before))))
                .sort(new Document("createdAt", 1)).limit(limit).forEach(d -> found.add(PushRequest.of(d)));
        return found;
    }

    /**
     * Requests made before {@code sentBefore}, still pending and not held by an instance asking after them at
     * {@code now}, oldest first; with those the provider never named (the push call broke off), which can only
     * time out.
     */
    List<PushRequest> dueForCheck(Instant sentBefore, Instant now, int limit) {
        List<PushRequest> found = new ArrayList<>();
        requests.find(and(eq("status", Status.PENDING.name()), lt("createdAt", Date.from(sentBefore)), checkLeaseFree(now)))
                .sort(new Document("createdAt", 1)).limit(limit).forEach(d -> found.add(PushRequest.of(d)));
        return found;
    }

    /**
     * Holds a pending request until {@code now + lease} to ask its provider about it, in one conditional update:
     * of two instances trying at once, one gets it; empty for the other, or when the request has ended.
     */
    Optional<PushRequest> leaseForCheck(String id, Instant now, Duration lease) {
        return Optional.ofNullable(requests.findOneAndUpdate(and(eq("_id", id), eq("status", Status.PENDING.name()), checkLeaseFree(now)),
                set("checkLeaseUntil", Date.from(now.plus(lease))), RETURN_AFTER)).map(PushRequest::of);
    }

    private static Bson checkLeaseFree(Instant now) {
        return or(eq("checkLeaseUntil", null), lte("checkLeaseUntil", Date.from(now)));
    }

    private static Bson byProvider(Provider provider, String providerRequestId) {
        return and(eq("provider", provider.name()), eq("providerRequestId", providerRequestId));
    }
}
