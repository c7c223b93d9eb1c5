package org.afyadial.staff;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Opaque refresh tokens. Only their SHA-256 is stored, so a copy of the database cannot be used
 * to sign in. Each token is used once: exchanging it revokes it in the same atomic update, so a
 * replayed token finds nothing to claim.
 */
@Singleton
class RefreshTokens {

    static final String COLLECTION = "refresh_tokens";
    private static final String USERNAME = "username";
    private static final String REVOKED = "revoked";
    static final String EXPIRES_AT = "expiresAt";

    private final MongoCollection<Document> tokens;
    private final SecureRandom random = new SecureRandom();
    private final AuthSettings settings;
    private final Clock clock;

    RefreshTokens(Store store, AuthSettings settings, Clock clock) {
        this.tokens = store.collection(COLLECTION);
        this.settings = settings;
        this.clock = clock;
    }

    /** A new token for {@code username}; the caller gets the only copy of its value. */
    String issue(String username) {
        byte[] value = new byte[32];
        random.nextBytes(value);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        Instant now = clock.instant();
        tokens.insertOne(new Document("_id", digest(token))
                .append(USERNAME, username)
                .append(REVOKED, false)
                .append("issuedAt", Date.from(now))
                .append(EXPIRES_AT, Date.from(now.plus(settings.refreshTokenTtl()))));
        return token;
    }

    /** Revokes a live token and answers whose it was; empty when it is unknown, expired or already used. */
    Optional<String> consume(String token) {
        return Optional.ofNullable(tokens.findOneAndUpdate(
                        Filters.and(live(), Filters.eq("_id", digest(token))),
                        revocation()))
                .map(document -> document.getString(USERNAME));
    }

    /** Logout: revokes the token if it is live and belongs to {@code username}. */
    void revoke(String token, String username) {
        tokens.updateOne(Filters.and(live(), Filters.eq("_id", digest(token)), Filters.eq(USERNAME, username)), revocation());
    }

    void revokeAll(String username) {
        tokens.updateMany(Filters.and(Filters.eq(USERNAME, username), Filters.eq(REVOKED, false)), revocation());
    }

    /** Expiry is checked here too: the TTL index removes old tokens only eventually. */
    private Bson live() {
        return Filters.and(Filters.eq(REVOKED, false), Filters.gt(EXPIRES_AT, Date.from(clock.instant())));
    }

    private Bson revocation() {
        return Updates.combine(Updates.set(REVOKED, true), Updates.set("revokedAt", Date.from(clock.instant())));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
