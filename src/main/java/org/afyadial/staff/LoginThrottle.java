package org.afyadial.staff;

import org.afyadial.store.DuplicateKey;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.afyadial.store.Store;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Locks a username after too many failed logins. One document per username holds the failures
 * of the current window; every change is a single atomic update, so concurrent attempts on
 * several instances are all counted.
 */
@Singleton
class LoginThrottle {

    static final String COLLECTION = "login_failures";
    static final String WINDOW_START = "windowStart";
    private static final String FAILURES = "failures";
    private static final String LOCKED_UNTIL = "lockedUntil";
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> failures;
    private final AuthSettings settings;
    private final Clock clock;

    LoginThrottle(Store store, AuthSettings settings, Clock clock) {
        this.failures = store.collection(COLLECTION);
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when {@code username} is locked, if it is locked now. */
    Optional<Instant> lockedUntil(String username) {
        Document state = failures.find(Filters.eq("_id", username)).first();
        return Optional.ofNullable(state)
                .map(s -> s.getDate(LOCKED_UNTIL))
                .map(Date::toInstant)
                .filter(until -> until.isAfter(clock.instant()));
    }

    /** Counts a failed login; answers the end of the lock when this failure locks the username. */
    Optional<Instant> recordFailure(String username) {
        Instant now = clock.instant();
        int count = countInWindow(username, now);
        if (count < settings.maxFailedLogins()) {
            return Optional.empty();
        }
        Instant until = now.plus(settings.lockDuration());
        failures.updateOne(Filters.eq("_id", username), Updates.max(LOCKED_UNTIL, Date.from(until)));
        return Optional.of(until);
    }

    /** A successful login starts the count again. */
    void clear(String username) {
        failures.deleteOne(Filters.eq("_id", username));
    }

    private int countInWindow(String username, Instant now) {
        Date windowOpened = Date.from(now.minus(settings.failureWindow()));
        Document counted = failures.findOneAndUpdate(
                Filters.and(Filters.eq("_id", username), Filters.gt(WINDOW_START, windowOpened)),
                Updates.inc(FAILURES, 1), AFTER);
        if (counted != null) {
            return counted.getInteger(FAILURES);
        }
        try {
            // no window yet, or an expired one: this failure opens a new window
            Document opened = failures.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", username), Filters.not(Filters.gt(WINDOW_START, windowOpened))),
                    Updates.combine(Updates.set(WINDOW_START, Date.from(now)), Updates.set(FAILURES, 1)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return opened.getInteger(FAILURES);
        } catch (MongoException e) {
            if (!DuplicateKey.causedBy(e)) {
                throw e;
            }
            // another attempt opened the window in between: count in it
            return countInWindow(username, now);
        }
    }
}
