package org.afyadial.staff;

import io.micronaut.http.HttpStatus;
import org.afyadial.system.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The failures the staff and auth endpoints answer on purpose, one type each. */
final class StaffProblems {

    private StaffProblems() {
    }

    static final class UserNotFound extends ProblemException {
        UserNotFound(String id) {
            super(HttpStatus.NOT_FOUND, "No staff user with id " + id);
        }
    }

    /** Same answer for an unknown username, a wrong password and a disabled account: nothing to probe. */
    static final class BadCredentials extends ProblemException {
        BadCredentials() {
            super(HttpStatus.UNAUTHORIZED, "Wrong username or password");
        }
    }

    static final class AccountLocked extends ProblemException {
        AccountLocked(Instant until, Instant now) {
            super(HttpStatus.LOCKED, "Too many failed logins for this username: it is locked until "
                    + until.truncatedTo(ChronoUnit.SECONDS) + " (UTC); try again in "
                    + minutesBetween(now, until) + " minute(s)");
        }

        private static long minutesBetween(Instant now, Instant until) {
            return Math.max(1, (Duration.between(now, until).getSeconds() + 59) / 60);
        }
    }

    static final class InvalidRefreshToken extends ProblemException {
        InvalidRefreshToken() {
            super(HttpStatus.UNAUTHORIZED, "The refresh token is unknown, expired or already used; log in again");
        }
    }

    static final class SelfDisable extends ProblemException {
        SelfDisable() {
            super(HttpStatus.CONFLICT, "You cannot disable your own account; ask another administrator");
        }
    }

    static final class LastAdministrator extends ProblemException {
        LastAdministrator() {
            super(HttpStatus.CONFLICT, "This is the last enabled administrator; make another user ADMIN first");
        }
    }

    static final class NotAPharmacist extends ProblemException {
        NotAPharmacist() {
            super(HttpStatus.CONFLICT, "USSD access is for pharmacists: give the user the PHARMACIST role first");
        }
    }

    static final class PhoneTaken extends ProblemException {
        PhoneTaken() {
            super(HttpStatus.CONFLICT, "This phone is already registered to another staff account");
        }
    }
}
