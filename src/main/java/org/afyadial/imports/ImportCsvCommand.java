package org.afyadial.imports;

import io.micronaut.context.ApplicationContext;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar afyadial.jar import-csv FILE [--dry-run] [--rejects FILE]}: imports a file of the healthcare
 * dataset format into the configured store ({@code MONGODB_URI}, else the embedded one in {@code AFYADIAL_DATA_DIR}).
 * Rejected rows go to {@code FILE.rejects.csv} unless {@code --rejects} names another file. Exit code 0 when the
 * file was read to its end (bad rows included), 2 for a usage error, 1 when the file cannot be imported at all.
 */
public final class ImportCsvCommand {

    private static final String USAGE = "usage: import-csv FILE [--dry-run] [--rejects FILE]";

    private ImportCsvCommand() {
    }

    public static int run(String[] args, PrintStream out) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        try (ApplicationContext context = ApplicationContext.builder().start()) {
            // display only: the rows/s of the summary, and the CPU the import took (start-up left out)
            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            ImportSummary summary = importFile(context.getBean(DatasetImporter.class), arguments, out);
            ImportReport.print(summary, Duration.ofNanos(System.nanoTime() - started), Duration.ofNanos(processCpuNanos() - cpuBefore),
                    arguments.dryRun(), arguments.rejects(), out);
            return 0;
        } catch (UnreadableImport | IOException e) {
            out.println("Cannot import " + arguments.file() + ": " + e.getMessage());
            return 1;
        }
    }

    private static ImportSummary importFile(DatasetImporter importer, Arguments arguments, PrintStream out) throws IOException {
        long size = Files.size(arguments.file());
        try (InputStream file = Files.newInputStream(arguments.file());
             CountingInputStream counted = new CountingInputStream(file);
             RejectsFile rejects = new RejectsFile(arguments.rejects())) {
            ProgressBar bar = isTerminal() ? new ProgressBar(out, size) : null;
            ImportSummary summary = importer.run(counted, arguments.dryRun(), new ImportListener() {
                @Override
                public void header(List<String> names) {
                    rejects.header(names);
                }

                @Override
                public void rejected(long line, RejectReason reason, List<String> fields) {
                    rejects.reject(line, reason, fields);
                }

                @Override
                public void progress(ImportSummary soFar) {
                    if (bar != null) {
                        bar.update(soFar.read(), counted.count(), false);
                    }
                }
            });
            if (bar != null) {
                bar.update(summary.read(), size, true);
            }
            return summary;
        }
    }

    /** The CPU time of every thread of this process so far, garbage collection included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Whether standard output is a terminal; {@code Console.isTerminal} exists from Java 22, before it a console is one. */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    record Arguments(Path file, boolean dryRun, Path rejects) {

        static Arguments parse(List<String> args) {
            Path file = null;
            Path rejects = null;
            boolean dryRun = false;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--dry-run" -> dryRun = true;
                    case "--rejects" -> {
                        if (++i == args.size()) {
                            throw new IllegalArgumentException("--rejects needs a file name");
                        }
                        rejects = Path.of(args.get(i));
                    }
                    default -> {
                        if (file != null || args.get(i).startsWith("--")) {
                            throw new IllegalArgumentException("unexpected argument " + args.get(i));
                        }
                        file = Path.of(args.get(i));
                    }
                }
            }
            if (file == null) {
                throw new IllegalArgumentException("no file to import");
            }
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file);
            }
            return new Arguments(file, dryRun, rejects != null ? rejects : Path.of(file + ".rejects.csv"));
        }
    }
}
