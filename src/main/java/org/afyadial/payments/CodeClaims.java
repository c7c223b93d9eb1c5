package org.afyadial.payments;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.store.CollectionIndexes;
import org.afyadial.store.DuplicateKey;
import org.afyadial.store.Store;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;

/**
 * The {@code payment_claims} collection: "I already paid, here is the code" for money not recorded yet. The code
 * is the {@code _id}, so a code is claimed for one bill only; the claim is settled when the money arrives.
 */
@Singleton
class CodeClaims {

    static final String COLLECTION = "payment_claims";
    private static final String AWAITING = "AWAITING";

    /** A claim still awaiting its money. */
    @Serdeable
    record Claim(String code, String billId, String patientId, Instant claimedAt) {
    }

    private final MongoCollection<Document> claims;

    CodeClaims(Store store) {
        this.claims = store.collection(COLLECTION);
    }

    @Singleton
    static class ClaimIndexes implements CollectionIndexes {
        @Override
        public String collection() {
            return COLLECTION;
        }

        @Override
        public List<IndexModel> indexes() {
            return List.of(new IndexModel(Indexes.ascending("status", "claimedAt"), new IndexOptions().name("awaiting")));
        }
    }

    /** False when the code was claimed before, for this bill or another. */
    boolean claim(String code, Bill bill, Instant now) {
        try {
            claims.insertOne(new Document("_id", code).append("billId", bill.id()).append("patientId", bill.patientId())
                    .append("status", AWAITING).append("claimedAt", Date.from(now)));
            return true;
        } catch (RuntimeException e) {
            if (DuplicateKey.causedBy(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The bill an awaiting claim names, now settled by the money with that code. */
    Optional<String> settle(String code) {
        return Optional.ofNullable(claims.findOneAndUpdate(and(eq("_id", code), eq("status", AWAITING)), set("status", "SETTLED")))
                .map(d -> d.getString("billId"));
    }

    List<Claim> awaitingSince(Instant before) {
        List<Claim> found = new ArrayList<>();
        claims.find(and(eq("status", AWAITING), lt("claimedAt", Date.from(before)))).limit(1000)
                .forEach(d -> found.add(new Claim(d.getString("_id"), d.getString("billId"), d.getString("patientId"),
                        d.getDate("claimedAt").toInstant())));
        return found;
    }
}
