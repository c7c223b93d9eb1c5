package org.afyadial.imports;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/** The summary an import prints at its end. */
final class ImportReport {

    private ImportReport() {
    }

    static void print(ImportSummary summary, Duration took, Duration cpu, boolean dryRun, Path rejects, PrintStream out) {
        out.printf("%s%,d rows read: %,d imported, %,d duplicates, %,d rejected; %,d patients created%n",
                dryRun ? "Dry run (nothing written): " : "", summary.read(), summary.imported(), summary.duplicates(),
                summary.rejected(), summary.patientsCreated());
        double seconds = Math.max(1e-3, took.toNanos() / 1e9);
        out.printf("  in %.1f s (%.1f s of CPU), %,d rows/s%n", seconds, cpu.toNanos() / 1e9, Math.round(summary.read() / seconds));
        summary.rejectedByReason().forEach((reason, count) -> out.printf("  rejected %-28s %,d%n", reason, count));
        if (summary.rejected() > 0) {
            out.println("Rejected rows, with their line and reason: " + rejects);
        }
    }
}
