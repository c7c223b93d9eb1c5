package org.afyadial.sms;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application clock in tests of the {@code moving-clock} environment: time moves only when told. */
@Singleton
@Replaces(Clock.class)
@Requires(env = MovingClock.ENVIRONMENT)
public class MovingClock extends Clock {

    public static final String ENVIRONMENT = "moving-clock";
    /** A Tuesday, 10:00 in Nairobi: outside quiet hours. */
    public static final Instant START = Instant.parse("2026-03-03T07:00:00Z");

    private volatile Instant now = START;

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("AfyaDial works in UTC");
    }
}
