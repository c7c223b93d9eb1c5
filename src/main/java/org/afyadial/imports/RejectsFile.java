package org.afyadial.imports;

import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The rejects of an import as CSV: {@code Line,Reason}, then the row's own fields under the file's header. */
final class RejectsFile implements Closeable {

    private final CsvWriter writer;

    RejectsFile(Path path) throws IOException {
        this.writer = CsvWriter.builder().build(path);
    }

    void header(List<String> names) {
        writer.writeRecord(concat("Line", "Reason", names));
    }

    void reject(long line, RejectReason reason, List<String> fields) {
        writer.writeRecord(concat(Long.toString(line), reason.name(), fields));
    }

    private static List<String> concat(String first, String second, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 2);
        all.add(first);
        all.add(second);
        all.addAll(rest);
        return all;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
