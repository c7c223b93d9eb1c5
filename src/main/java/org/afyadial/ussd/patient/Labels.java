package org.afyadial.ussd.patient;

import jakarta.inject.Singleton;
import org.afyadial.system.ClinicSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Days and times as patients read them: in the clinic's time zone, day and month names in the patient's language. */
@Singleton
class Labels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    Labels(ClinicSettings clinic) {
        this.zone = clinic.timezone();
    }

    String day(LocalDate day, String language) {
        return DateTimeFormatter.ofPattern("EEE d MMM", Locale.forLanguageTag(language)).format(day);
    }

    String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    String dayAndTime(Instant instant, String language) {
        return day(instant.atZone(zone).toLocalDate(), language) + " " + time(instant);
    }
}
