package org.afyadial.system;

import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;

/** A [from, to) query window: ordered and no longer than the endpoint allows, so one request stays cheap. */
public final class TimeWindow {

    private TimeWindow() {
    }

    public static void check(Instant from, Instant to, Duration longest) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(longest) > 0) {
            throw new InvalidTimeWindow(longest);
        }
    }

    public static class InvalidTimeWindow extends ProblemException {
        InvalidTimeWindow(Duration longest) {
            super(HttpStatus.BAD_REQUEST, "to must be after from, and at most " + longest.toDays() + " days later");
        }
    }
}
