package org.afyadial.system;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * A [from, to) query window: ordered and no longer than the endpoint allows, so one request stays cheap. An
 * optional range of a search is only ordered: the stores differ on an inverted one (the embedded store fails).
 */
public final class TimeWindow {

    private TimeWindow() {
    }

    public static void check(Instant from, Instant to, Duration longest) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(longest) > 0) {
            throw new InvalidTimeWindow(longest);
        }
    }

    /** Either bound may be absent; when both are given, to must not be before from. */
    public static <T extends Comparable<? super T>> void checkOrder(@Nullable T from, @Nullable T to) {
        if (from != null && to != null && to.compareTo(from) < 0) {
            throw new InvertedRange();
        }
    }

    public static class InvertedRange extends ProblemException {
        InvertedRange() {
            super(HttpStatus.BAD_REQUEST, "to", "must not be before from");
        }
    }

    public static class InvalidTimeWindow extends ProblemException {
        InvalidTimeWindow(Duration longest) {
            super(HttpStatus.BAD_REQUEST, "to must be after from, and at most " + longest.toDays() + " days later");
        }
    }
}
