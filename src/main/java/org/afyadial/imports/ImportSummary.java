package org.afyadial.imports;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * What an import did: rows read (after the header), imported as new admissions, skipped as duplicates (identical to
 * an earlier row of the file or to one stored before), rejected (by reason code), and patients created.
 */
@Serdeable
record ImportSummary(long read, long imported, long duplicates, long rejected, Map<String, Long> rejectedByReason,
                     long patientsCreated) {
}
