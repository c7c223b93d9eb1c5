package org.afyadial.sms;

import org.afyadial.system.ClinicSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Messages due inside the quiet hours (clinic time) wait for their end; others go when due. */
class QuietHoursTest {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    @ParameterizedTest(name = "{0}: due {1} -> {2}")
    @CsvSource(textBlock = """
            # QUIET_HOURS, due (clinic time), first allowed (clinic time)
            21:00-07:00,   2026-03-03T20:59, 2026-03-03T20:59
            21:00-07:00,   2026-03-03T21:00, 2026-03-04T07:00
            21:00-07:00,   2026-03-03T23:30, 2026-03-04T07:00
            21:00-07:00,   2026-03-04T03:00, 2026-03-04T07:00
            21:00-07:00,   2026-03-04T07:00, 2026-03-04T07:00
            12:00-14:00,   2026-03-03T13:00, 2026-03-03T14:00
            12:00-14:00,   2026-03-03T11:59, 2026-03-03T11:59
            00:00-00:00,   2026-03-03T03:00, 2026-03-03T03:00
            """)
    void dueTimesInsideTheWindowMoveToItsEnd(String window, LocalDateTime due, LocalDateTime expected) {
        SmsSettings settings = new SmsSettings(0, true, window, List.of(Duration.ofHours(24)), Duration.ofSeconds(1), 10,
                Duration.ofMinutes(2), 10, Duration.ofMillis(1), 3, Duration.ofSeconds(30), 4, Duration.ofSeconds(30), Duration.ofHours(1));
        QuietHours quietHours = new QuietHours(settings, new ClinicSettings("Clinic", NAIROBI, "KE", "KES"));

        assertEquals(expected.atZone(NAIROBI).toInstant(), quietHours.firstAllowed(due.atZone(NAIROBI).toInstant()));
    }
}
