package org.afyadial.imports;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The running counts of one import. */
final class ImportTally {

    long read;
    long imported;
    long duplicates;
    long patientsCreated;
    private final Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);

    void reject(RejectReason reason) {
        rejected.merge(reason, 1L, Long::sum);
    }

    ImportSummary summary() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        rejected.forEach((reason, count) -> byReason.put(reason.name(), count));
        long rejectedRows = rejected.values().stream().mapToLong(Long::longValue).sum();
        return new ImportSummary(read, imported, duplicates, rejectedRows, byReason, patientsCreated);
    }
}
