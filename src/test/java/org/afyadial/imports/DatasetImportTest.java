package org.afyadial.imports;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.micronaut.data.model.Pageable;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.MovableClock;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.patients.Sex;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample file ({@code imports/healthcare-sample.csv}) starts with a BOM and has its header in mixed case; it
 * holds a hospital name with a comma and one with a newline inside quotes, duplicates (identical, and identical
 * once normalised), a second stay of the same person, and one bad row of every kind.
 */
@MicronautTest(transactional = false)
class DatasetImportTest {

    private static final ImportSummary FIRST_RUN = new ImportSummary(16, 4, 2, 10, Map.of(
            "MISSING_FIELD", 1L, "UNPARSEABLE_AGE", 1L, "AGE_OUT_OF_RANGE", 2L, "UNKNOWN_GENDER", 1L,
            "UNKNOWN_BLOOD_TYPE", 1L, "UNPARSEABLE_DATE", 1L, "DISCHARGE_BEFORE_ADMISSION", 1L,
            "UNPARSEABLE_AMOUNT", 1L, "NEGATIVE_BILL", 1L), 3);

    /** Line and reason of every rejected row: the line where its record starts, the header being line 1. */
    private static final List<String> REJECTS = List.of(
            "8 AGE_OUT_OF_RANGE Old Timer", "9 AGE_OUT_OF_RANGE Young Negative", "10 UNKNOWN_GENDER Who Knows",
            "11 UNKNOWN_BLOOD_TYPE Blood Less", "12 UNPARSEABLE_DATE Bad Date", "13 DISCHARGE_BEFORE_ADMISSION Back Wards",
            "14 UNPARSEABLE_AMOUNT Bad Amount", "15 NEGATIVE_BILL Minus Bill", "16 UNPARSEABLE_AGE Ageless",
            "17 MISSING_FIELD Short Row");

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    DatasetImporter importer;

    @Inject
    PatientService patients;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void emptyStore() {
        List.of("patients", "admissions").forEach(c -> store.collection(c).deleteMany(new Document()));
    }

    @Test
    void importsTheValidRowsOnceAndSaysWhyEveryOtherWasNot() throws IOException {
        List<String> rejects = new ArrayList<>();
        ImportSummary summary = importer.run(sample(), false, listener(rejects));

        assertEquals(FIRST_RUN, withSortedReasons(summary));
        assertEquals(REJECTS, rejects);
        assertEquals(4, store.collection("admissions").countDocuments());

        Patient andrew = patients.searchByName("andrew watts", Pageable.from(0, 10)).getContent().getFirst();
        assertEquals(List.of("Andrew", "Watts", 1994, Sex.M, "B-"),
                List.of(andrew.firstName(), andrew.lastName(), andrew.birthYear(), andrew.sex(), andrew.bloodType()));
        assertNull(andrew.phone());
        assertTrue(andrew.identifier().matches("AFD-PT-\\d{6}"), andrew.identifier());
        assertEquals(2, store.collection("admissions").countDocuments(new Document("patientId", andrew.id())));

        Document first = store.collection("admissions").find(new Document("patientId", andrew.id()).append("condition", "Cancer")).first();
        assertEquals("Sons and Miller, Ltd", first.getString("hospital"));
        assertEquals(new Document("amountMinor", 1885628L).append("currency", "KES"), first.get("billing", Document.class));
        assertEquals(List.of("Urgent", "328", "Paracetamol", "Normal", "Matthew Smith"),
                List.of(first.getString("admissionType"), first.getString("room"), first.getString("medication"),
                        first.getString("testResult"), first.getString("doctor")));

        Document leslie = store.collection("admissions").find(new Document("condition", "Obesity")).first();
        assertEquals("Kim Inc\nWard 2", leslie.getString("hospital"));
        Patient maryJane = patients.searchByName("mary", Pageable.from(0, 10)).getContent().getFirst();
        assertEquals("Mary-Jane O'Neil 2019", maryJane.fullName() + " " + maryJane.birthYear());
        Document maryJaneStay = store.collection("admissions").find(new Document("patientId", maryJane.id())).first();
        assertEquals(1L, maryJaneStay.get("billing", Document.class).getLong("amountMinor"), "0.005 KES rounds half up to 1 cent");
    }

    @Test
    void aSecondRunOfTheSameFileChangesNothing() throws IOException {
        importer.run(sample(), false, listener(new ArrayList<>()));
        Map<String, List<Document>> before = storedRecords();

        ImportSummary again = importer.run(sample(), false, listener(new ArrayList<>()));

        assertEquals(new ImportSummary(16, 0, 6, 10, FIRST_RUN.rejectedByReason(), 0), withSortedReasons(again));
        assertEquals(before, storedRecords());
    }

    @Test
    void importsOfOneFileAtOnceStoreEachPersonAndStayOnceAndLinkEveryStayToItsPatient() {
        List<ImportSummary> runs = AllAtOnce.run(8, () -> importer.run(sample(), false, listener(new ArrayList<>())));

        assertEquals(3, runs.stream().mapToLong(ImportSummary::patientsCreated).sum());
        assertEquals(4, runs.stream().mapToLong(ImportSummary::imported).sum());
        Set<String> patientIds = store.collection("patients").find().map(p -> p.getObjectId("_id").toHexString()).into(new HashSet<>());
        assertEquals(3, patientIds.size());
        Set<String> linked = store.collection("admissions").find().map(a -> a.getString("patientId")).into(new HashSet<>());
        assertEquals(patientIds, linked);
    }

    @Test
    void aDryRunCountsTheSameAndWritesNothing() throws IOException {
        ImportSummary dry = importer.run(sample(), true, listener(new ArrayList<>()));

        assertEquals(new ImportSummary(16, 4, 2, 10, FIRST_RUN.rejectedByReason(), 0), withSortedReasons(dry));
        assertEquals(0, store.collection("admissions").countDocuments());
    }

    @Test
    void columnsAreFoundInAnyOrder() throws IOException {
        List<String> rejects = new ArrayList<>();
        ImportSummary summary = importer.run(reversedColumns(), false, listener(rejects));

        assertEquals(FIRST_RUN, withSortedReasons(summary));
        assertEquals(REJECTS.size(), rejects.size());
    }

    @Test
    void aFileWithoutAColumnOfTheFormatIsRefusedWhole() {
        InputStream noBloodType = new ByteArrayInputStream("Name,Age\nAnn,3\n".getBytes(StandardCharsets.UTF_8));

        UnreadableImport refused = assertThrows(UnreadableImport.class, () -> importer.run(noBloodType, false, listener(new ArrayList<>())));
        assertEquals("The header has no column \"Gender\"", refused.getMessage());
    }

    @Test
    void theCommandWritesTheRejectsFileLineByLineAndPrintsTheSummary(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("records.csv");
        try (InputStream sample = sample()) {
            Files.copy(sample, file);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ImportCsvCommand.run(new String[]{file.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(0, exit);
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("16 rows read: 4 imported, 2 duplicates, 10 rejected; 3 patients created"), output);
        assertTrue(output.contains("AGE_OUT_OF_RANGE"), output);
        List<List<String>> rejectsFile = readCsv(dir.resolve("records.csv.rejects.csv"));
        assertEquals(List.of("Line", "Reason", "name", "AGE"), rejectsFile.getFirst().subList(0, 4));
        assertEquals(REJECTS, rejectsFile.subList(1, rejectsFile.size()).stream()
                .map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList());
        assertEquals(List.of("Short Row", "40", "Female", "O-", "Asthma", "2024-03-01"), rejectsFile.getLast().subList(2, 8));
    }

    @Test
    void theCommandExplainsItsUsage() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ImportCsvCommand.run(new String[]{"--dry-run"}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(2, exit);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("usage: import-csv FILE [--dry-run] [--rejects FILE]"));
    }

    private static ImportListener listener(List<String> rejects) {
        return new ImportListener() {
            @Override
            public void rejected(long line, RejectReason reason, List<String> fields) {
                rejects.add(line + " " + reason + " " + fields.getFirst());
            }

            @Override
            public void progress(ImportSummary soFar) {
            }
        };
    }

    private Map<String, List<Document>> storedRecords() {
        return List.of("patients", "admissions", "counters").stream().collect(Collectors.toMap(c -> c,
                c -> store.collection(c).find().sort(new Document("_id", 1)).into(new ArrayList<>())));
    }

    private static ImportSummary withSortedReasons(ImportSummary s) {
        return new ImportSummary(s.read(), s.imported(), s.duplicates(), s.rejected(), Map.copyOf(s.rejectedByReason()), s.patientsCreated());
    }

    private static InputStream sample() {
        return DatasetImportTest.class.getResourceAsStream("/imports/healthcare-sample.csv");
    }

    /** The sample with its columns in reverse order, still with a BOM. */
    private static InputStream reversedColumns() throws IOException {
        List<List<String>> records;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().detectBomHeader(true).allowMissingFields(true).ofCsvRecord(sample())) {
            records = StreamSupport.stream(reader.spliterator(), false).map(r -> new ArrayList<>(r.getFields())).collect(Collectors.toList());
        }
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CsvWriter writer = CsvWriter.builder().build(text)) {
            records.forEach(r -> {
                Collections.reverse(r);
                writer.writeRecord(r);
            });
        }
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> readCsv(Path file) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().allowMissingFields(true).ofCsvRecord(file)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        }
    }
}
