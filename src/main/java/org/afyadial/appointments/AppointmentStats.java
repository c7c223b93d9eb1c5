package org.afyadial.appointments;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Appointments starting in [from, to). {@code cancellationRate} = CANCELLED / appointments not
 * replaced by a reschedule; {@code noShowRate} = NO_SHOW / appointments whose patient was expected
 * (NO_SHOW, CHECKED_IN, COMPLETED). Rates are null when there is nothing to divide by.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record AppointmentStats(Instant from, Instant to, long total, Map<String, Long> byStatus,
                        BigDecimal cancellationRate, BigDecimal noShowRate, List<DoctorUtilization> doctors) {

    /** Slots of the doctor's schedule in the window, and how many hold an appointment. */
    @Serdeable
    record DoctorUtilization(String doctorId, String name, long bookedSlots, long availableSlots, BigDecimal utilization) {
    }
}
