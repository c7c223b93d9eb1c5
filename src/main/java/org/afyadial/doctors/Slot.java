package org.afyadial.doctors;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One appointment slot of one doctor, as UTC instants. */
@Serdeable
public record Slot(String doctorId, Instant start, Instant end) {
}
