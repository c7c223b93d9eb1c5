package org.afyadial.sms;

import jakarta.inject.Singleton;
import org.afyadial.system.ClinicSettings;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The clinic-time window ({@code 21:00-07:00}) in which messages that can wait are held until it ends. */
@Singleton
class QuietHours {

    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    QuietHours(SmsSettings settings, ClinicSettings clinic) {
        String[] bounds = settings.quietHours().split("-");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("QUIET_HOURS must look like 21:00-07:00, not " + settings.quietHours());
        }
        this.start = LocalTime.parse(bounds[0].trim());
        this.end = LocalTime.parse(bounds[1].trim());
        this.zone = clinic.timezone();
    }

    /** {@code due} itself, or the end of the quiet hours it falls in. */
    Instant firstAllowed(Instant due) {
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return due;
        }
        ZonedDateTime endToday = local.with(end);
        return (endToday.isAfter(local) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
