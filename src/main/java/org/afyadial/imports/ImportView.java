package org.afyadial.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * An import started over HTTP: RUNNING with the counts so far, then DONE with its summary or FAILED with why.
 * {@code rejects} lists the line and reason of the first rejected rows (the rows themselves, with names, stay out).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record ImportView(String id, Status status, Instant startedAt, Instant finishedAt, ImportSummary summary,
                  List<Reject> rejects, String error) {

    enum Status {
        RUNNING, DONE, FAILED
    }

    @Serdeable
    record Reject(long line, String reason) {
    }
}
