package org.afyadial.imports;

import java.io.PrintStream;
import java.time.Duration;

/**
 * One terminal line redrawn in place: how far through the file (by bytes), rows, rows per second and the time
 * left at that pace. Display only, so it reads the JVM's monotonic timer rather than the clinic's clock.
 */
final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000;

    private final PrintStream out;
    private final long fileBytes;
    private final long started = System.nanoTime();
    private long lastDrawn;

    ProgressBar(PrintStream out, long fileBytes) {
        this.out = out;
        this.fileBytes = Math.max(1, fileBytes);
    }

    void update(long rows, long bytesRead, boolean last) {
        long now = System.nanoTime();
        if (!last && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        double done = Math.min(1.0, (double) bytesRead / fileBytes);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        int filled = (int) Math.round(done * WIDTH);
        Duration left = Duration.ofSeconds(done == 0 ? 0 : Math.round(seconds / done - seconds));
        out.printf("\r[%s%s] %3d%%  %,d rows  %,d rows/s  ETA %d:%02d ", "#".repeat(filled), "-".repeat(WIDTH - filled),
                Math.round(done * 100), rows, Math.round(rows / seconds), left.toMinutes(), left.toSecondsPart());
        if (last) {
            out.println();
        }
        out.flush();
    }
}
