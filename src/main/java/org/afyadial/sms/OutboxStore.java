package org.afyadial.sms;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.Durability;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

/**
 * The {@code sms_outbox} collection. It is used through the driver rather than a Micronaut Data
 * repository because every write is a conditional atomic update (claim, lease, status moves that
 * never go backwards) and the dispatcher needs the claimed document back from the same call.
 */
@Singleton
class OutboxStore {

    static final String COLLECTION = "sms_outbox";
    /** When a message reached a final state: retention counts from it, and a message still to be sent has none. */
    static final String FINISHED_AT = "finishedAt";
    private static final Set<OutboxStatus> FINAL = EnumSet.of(OutboxStatus.SENT, OutboxStatus.DELIVERED,
            OutboxStatus.FAILED, OutboxStatus.EXPIRED, OutboxStatus.CANCELLED);

    /** The error of a message whose provider call a stopped dispatcher left unanswered. */
    static final String INTERRUPTED = "interrupted during the call to the provider; not sent again, as the provider may have accepted it";

    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final InsertManyOptions UNORDERED_INSERT = new InsertManyOptions().ordered(false);

    private final MongoCollection<Document> outbox;

    OutboxStore(Store store) {
        this.outbox = store.collection(COLLECTION);
    }

    @Singleton
    static class OutboxIndexes implements CollectionIndexes {

        private final SmsRetention retention;

        OutboxIndexes(SmsRetention retention) {
            this.retention = retention;
        }

        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(
                    new IndexModel(Indexes.ascending("idempotencyKey"), new IndexOptions().unique(true).name("one_message_per_key")),
                    new IndexModel(Indexes.ascending("status", "notBefore"), new IndexOptions().name("due")),
                    new IndexModel(Indexes.ascending("messageId"), new IndexOptions().sparse(true).name("by_provider_id")),
                    new IndexModel(Indexes.ascending("patientId", "createdAt"), new IndexOptions().name("by_patient")),
                    new IndexModel(Indexes.ascending("phone", "createdAt"), new IndexOptions().name("by_phone")),
                    new IndexModel(Indexes.ascending(FINISHED_AT),
                            new IndexOptions().expireAfter(retention.sms().toSeconds(), TimeUnit.SECONDS).name("retention")));
        }
    }

    /** Inserts the message, or answers empty when its idempotency key is already queued. */
    Optional<OutboxMessage> insertOnce(OutboxMessage message) {
        Document document = toDocument(message);
        try {
            outbox.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(fromDocument(document));
    }

    /** Inserts the messages in one unordered write, leaving out those whose idempotency key is already queued; answers how many were new. */
    int insertAllOnce(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return 0;
        }
        try {
            outbox.insertMany(messages.stream().map(OutboxStore::toDocument).toList(), UNORDERED_INSERT);
            return messages.size();
        } catch (MongoBulkWriteException e) {
            onlyDuplicates(e);
            return messages.size() - e.getWriteErrors().size();
        }
    }

    /** A message found claimable, and the version it had then. */
    record Candidate(ObjectId id, long version) {
    }

    /** Messages a dispatcher may claim now: due and queued, or stuck in SENDING past their lease. */
    List<Candidate> claimable(Instant now, int limit) {
        List<Candidate> found = new ArrayList<>(limit);
        outbox.find(claimableFilter(now)).projection(new Document("_id", 1).append("version", 1)).limit(limit)
                .forEach(d -> found.add(new Candidate(d.getObjectId("_id"), d.getLong("version"))));
        return found;
    }

    /**
     * Claims the candidate for {@code owner} if nobody changed it since it was found claimable (every
     * write bumps {@code version}): one atomic compare-and-set, so of several dispatchers racing for a
     * message exactly one wins. Being due and having an expired lease stay true as time passes; a message handed to
     * the provider since ({@link #markSubmitted}, which keeps the version) is not claimed.
     */
    Optional<OutboxMessage> claim(Candidate candidate, String owner, Instant now, Duration lease) {
        // not forced to disk: a claim lost in a crash leaves the message queued, to be sent after the restart, as the
        // provider is only called after markSubmitted's durable write, which takes the claim to disk with it
        Document claimed = Durability.unforced(() -> outbox.findOneAndUpdate(
                and(sameVersion(candidate.id(), candidate.version()), exists("submittedAt", false)),
                combine(status(OutboxStatus.SENDING, now), set("leaseOwner", owner),
                        set("leaseUntil", Date.from(now.plus(lease))), inc("attempts", 1), touched(now)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
        return Optional.ofNullable(claimed).map(OutboxStore::fromDocument);
    }

    /** Rethrows unless every failed write was a message whose idempotency key is already queued. */
    private static void onlyDuplicates(MongoBulkWriteException e) {
        if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
            throw e;
        }
    }

    /**
     * Moves a message to {@code status}: a final one stamps {@link #FINISHED_AT}, from which the store's TTL index
     * deletes the message after its retention; any other clears it, so that a message to be sent again is kept.
     */
    static Bson status(OutboxStatus status, Instant now) {
        return combine(set("status", status.name()),
                FINAL.contains(status) ? set(FINISHED_AT, Date.from(now)) : unset(FINISHED_AT));
    }

    private static Bson touched(Instant now) {
        return combine(set("updatedAt", Date.from(now)), inc("version", 1L));
    }

    /**
     * The message as it was at that version: every write but the lease holder's {@link #markSubmitted} bumps it, so a
     * match means nobody else wrote in between.
     */
    private static Document sameVersion(ObjectId id, long version) {
        return new Document("_id", id).append("version", version);
    }

    private static Bson claimableFilter(Instant now) {
        Date at = Date.from(now);
        return or(
                and(eq("status", OutboxStatus.QUEUED.name()), lte("notBefore", at)),
                and(eq("status", OutboxStatus.SENDING.name()), lt("leaseUntil", at), exists("submittedAt", false)));
    }

    /**
     * Notes on a claimed message, durably, that its call to the provider starts: from then on the provider may have
     * accepted it, so no other dispatcher sends it again ({@link #closeInterrupted}). The version stays as it is, so
     * that the lease holder still ends its lease with the write it claimed it for.
     */
    void markSubmitted(OutboxMessage claimed, Instant now) {
        outbox.updateOne(sameVersion(new ObjectId(claimed.id()), claimed.version()), set("submittedAt", Date.from(now)));
    }

    /**
     * Closes the messages whose provider call was under way when their dispatcher stopped: their lease ran out after
     * the submission mark. AT takes no idempotency key, so whether it accepted one cannot be known; such a message is
     * marked FAILED, saying so, rather than sent twice. Answers how many.
     */
    long closeInterrupted(Instant now) {
        Date at = Date.from(now);
        return outbox.updateMany(and(eq("status", OutboxStatus.SENDING.name()), lt("leaseUntil", at), exists("submittedAt")),
                combine(status(OutboxStatus.FAILED, now), set("lastError", INTERRUPTED), unset("leaseOwner"),
                        unset("leaseUntil"), touched(now))).getModifiedCount();
    }

    /** What to write on a claimed message when its lease ends. */
    record LeaseEnd(OutboxMessage claimed, Bson changes) {
    }

    /** Moves a message this owner still holds, unchanged since its claim; false when its lease was lost to another dispatcher. */
    boolean finishLease(OutboxMessage claimed, Instant now, Bson changes) {
        return finishLeases(List.of(new LeaseEnd(claimed, changes)), now).isEmpty();
    }

    /**
     * Ends many leases in one round trip, each write still a compare-and-set on {@code {_id, version}}
     * as in {@link #finishLease}; answers the ids of the messages whose lease was lost (or cannot be
     * told apart from lost) and therefore were not written.
     */
    Set<String> finishLeases(List<LeaseEnd> ends, Instant now) {
        if (ends.isEmpty()) {
            return Set.of();
        }
        Bson leaseEnded = combine(unset("leaseOwner"), unset("leaseUntil"), unset("submittedAt"), touched(now));
        List<UpdateOneModel<Document>> writes = ends.stream()
                .map(end -> new UpdateOneModel<Document>(sameVersion(new ObjectId(end.claimed().id()), end.claimed().version()),
                        combine(end.changes(), leaseEnded)))
                .toList();
        long modified = outbox.bulkWrite(writes, UNORDERED).getModifiedCount();
        return modified < ends.size() ? notWritten(ends) : Set.of();
    }

    /**
     * Only reached when a lease was lost: the bulk result gives a count, not which writes matched.
     * Our write left exactly {@code version + 1} with no lease owner, whereas a competing claim left
     * that version with its own owner; anything later is counted as lost to stay on the safe side.
     */
    private Set<String> notWritten(List<LeaseEnd> ends) {
        Map<ObjectId, Long> writtenVersion = new HashMap<>();
        for (LeaseEnd end : ends) {
            writtenVersion.put(new ObjectId(end.claimed().id()), end.claimed().version() + 1);
        }
        Set<String> notWritten = writtenVersion.keySet().stream().map(ObjectId::toHexString).collect(Collectors.toSet());
        outbox.find(in("_id", writtenVersion.keySet())).projection(new Document("version", 1).append("leaseOwner", 1))
                .forEach(d -> {
                    if (d.getLong("version").equals(writtenVersion.get(d.getObjectId("_id"))) && d.getString("leaseOwner") == null) {
                        notWritten.remove(d.getObjectId("_id").toHexString());
                    }
                });
        return notWritten;
    }

    /** Moves the message with this provider id if its status is one of {@code from}; false otherwise. */
    boolean moveByMessageId(String messageId, Collection<OutboxStatus> from, Instant now, Bson changes) {
        return outbox.updateOne(
                and(eq("messageId", messageId), in("status", from.stream().map(Enum::name).toList())),
                combine(changes, touched(now))).getModifiedCount() == 1;
    }

    boolean existsWithMessageId(String messageId) {
        return outbox.find(eq("messageId", messageId)).limit(1).first() != null;
    }

    /** Cancels the queued messages in {@code scope}, noting why so that only the same reason brings them back. */
    long cancelQueued(Bson scope, CancelReason reason, Instant now) {
        return outbox.updateMany(and(eq("status", OutboxStatus.QUEUED.name()), scope),
                combine(status(OutboxStatus.CANCELLED, now), set("cancelReason", reason.name()), touched(now))).getModifiedCount();
    }

    /** Queues again the messages of {@code scope} cancelled for {@code reason} that are still ahead. */
    long requeueCancelled(Bson scope, CancelReason reason, Instant now) {
        return outbox.updateMany(
                and(eq("status", OutboxStatus.CANCELLED.name()), eq("cancelReason", reason.name()), gt("notBefore", Date.from(now)), scope),
                combine(status(OutboxStatus.QUEUED, now), unset("cancelReason"), touched(now))).getModifiedCount();
    }

    static Bson keyStartsWith(String prefix) {
        return regex("idempotencyKey", "^" + Pattern.quote(prefix));
    }

    static Bson ofPatients(Collection<String> patientIds, Collection<MessageKind> kinds) {
        return and(in("patientId", patientIds), in("kind", kinds.stream().map(Enum::name).toList()));
    }

    List<OutboxMessage> find(Bson filter, int skip, int limit) {
        List<OutboxMessage> found = new ArrayList<>();
        outbox.find(filter).sort(new Document("createdAt", -1)).skip(skip).limit(limit).forEach(d -> found.add(fromDocument(d)));
        return found;
    }

    long count(Bson filter) {
        return outbox.countDocuments(filter);
    }

    /** Queued messages due now, and when the longest-waiting of them became due; both served by the due index. */
    record Backlog(long due, @Nullable Instant oldestDue) {
    }

    Backlog backlog(Instant now) {
        Bson due = and(eq("status", OutboxStatus.QUEUED.name()), lte("notBefore", Date.from(now)));
        Document oldest = outbox.find(due).sort(new Document("notBefore", 1)).projection(new Document("notBefore", 1))
                .limit(1).first();
        return new Backlog(outbox.countDocuments(due), oldest == null ? null : instant(oldest.getDate("notBefore")));
    }

    private static Document toDocument(OutboxMessage m) {
        Document d = new Document("_id", m.id() == null ? new ObjectId() : new ObjectId(m.id()))
                .append("idempotencyKey", m.idempotencyKey())
                .append("phone", m.phone())
                .append("text", m.text())
                .append("language", m.language())
                .append("encoding", m.encoding().name())
                .append("segments", m.segments())
                .append("kind", m.kind().name())
                .append("status", m.status().name())
                .append("attempts", m.attempts())
                .append("version", m.version())
                .append("notBefore", Date.from(m.notBefore()))
                .append("createdAt", Date.from(m.createdAt()));
        putIfPresent(d, "patientId", m.patientId());
        putIfPresent(d, "expiresAt", date(m.expiresAt()));
        return d;
    }

    private static void putIfPresent(Document d, String field, @Nullable Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    static OutboxMessage fromDocument(Document d) {
        return new OutboxMessage(
                d.getObjectId("_id").toHexString(),
                d.getString("idempotencyKey"),
                d.getString("patientId"),
                d.getString("phone"),
                d.getString("text"),
                d.getString("language"),
                SmsEncoding.Encoding.valueOf(d.getString("encoding")),
                d.getInteger("segments", 1),
                MessageKind.valueOf(d.getString("kind")),
                OutboxStatus.valueOf(d.getString("status")),
                d.getInteger("attempts", 0),
                d.getString("lastError"),
                d.getString("messageId"),
                instant(d.getDate("notBefore")),
                instant(d.getDate("expiresAt")),
                instant(d.getDate("leaseUntil")),
                d.getString("leaseOwner"),
                instant(d.getDate("createdAt")),
                instant(d.getDate("sentAt")),
                instant(d.getDate("deliveredAt")),
                d.getLong("version"));
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    static @Nullable Date date(@Nullable Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
