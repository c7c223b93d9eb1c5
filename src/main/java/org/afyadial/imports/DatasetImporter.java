package org.afyadial.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import jakarta.inject.Singleton;
import org.afyadial.patients.ImportedPatients;
import org.afyadial.store.Durability;
import org.afyadial.system.ClinicSettings;
import org.bson.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a file of the healthcare dataset format into patients and their admissions. The file is streamed (a
 * batch of rows in memory at a time) and written in batches: one look-up of the batch's keys, one insert of its
 * new patients, one of its admissions. A bad row is handed to the listener and counted, never stops the import.
 * Identical rows are imported once, so running a file again changes nothing. A dry run reads, checks and counts
 * against the store without writing.
 */
@Singleton
class DatasetImporter {

    static final int BATCH_SIZE = 1000;

    private final Admissions admissions;
    private final ImportedPatients patients;
    private final ClinicSettings clinic;
    private final Clock clock;

    DatasetImporter(Admissions admissions, ImportedPatients patients, ClinicSettings clinic, Clock clock) {
        this.admissions = admissions;
        this.patients = patients;
        this.clinic = clinic;
        this.clock = clock;
    }

    ImportSummary run(InputStream csv, boolean dryRun, ImportListener listener) {
        CsvReader.CsvReaderBuilder builder = CsvReader.builder().detectBomHeader(true).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true);
        try (CsvReader<CsvRecord> reader = builder.ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new UnreadableImport("The file is empty: it needs a header line");
            }
            DatasetHeader header = DatasetHeader.of(records.next().getFields());
            listener.header(header.names());
            DatasetRows rows = new DatasetRows(header, clinic.currency());
            Run run = new Run(dryRun, listener);
            while (records.hasNext()) {
                run.add(records.next(), rows);
            }
            run.flush();
            return run.tally.summary();
        } catch (CsvParseException e) {
            throw new UnreadableImport("The file is not readable CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One import's batch and counts. */
    private final class Run {

        private final boolean dryRun;
        private final ImportListener listener;
        private final ImportTally tally = new ImportTally();
        private final Map<String, AdmissionRow> batch = new LinkedHashMap<>();
        /** A dry run stores nothing, so it remembers the keys of earlier batches to see duplicates across them. */
        private final Set<String> seenInDryRun = new HashSet<>();

        Run(boolean dryRun, ImportListener listener) {
            this.dryRun = dryRun;
            this.listener = listener;
        }

        void add(CsvRecord record, DatasetRows rows) {
            tally.read++;
            AdmissionRow row;
            try {
                row = rows.read(record.getFields());
            } catch (DatasetRows.Rejected rejected) {
                tally.reject(rejected.reason());
                listener.rejected(record.getStartingLineNumber(), rejected.reason(), record.getFields());
                return;
            }
            if (batch.putIfAbsent(row.key(), row) != null) {
                tally.duplicates++;
            }
            if (batch.size() == BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                Set<String> known = admissions.stored(batch.keySet());
                if (dryRun) {
                    known.addAll(batch.keySet().stream().filter(seenInDryRun::contains).toList());
                    seenInDryRun.addAll(batch.keySet());
                }
                batch.keySet().removeAll(known);
                tally.duplicates += known.size();
                tally.imported += dryRun ? batch.size() : Durability.together(this::write);
                batch.clear();
            }
            listener.progress(tally.summary());
        }

        private int write() {
            if (batch.isEmpty()) {
                return 0;
            }
            ImportedPatients.Resolved persons = patients.resolve(batch.values().stream().map(AdmissionRow::person).toList());
            tally.patientsCreated += persons.created();
            Instant now = clock.instant();
            List<Document> documents = new ArrayList<>(batch.size());
            batch.forEach((key, row) -> documents.add(row.toDocument(key, persons.patientIdOf(row.person()), now)));
            int inserted = admissions.insert(documents);
            tally.duplicates += documents.size() - inserted;
            return inserted;
        }
    }
}
