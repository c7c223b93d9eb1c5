package org.afyadial.statistics;

import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import org.afyadial.appointments.AppointmentStatus;
import org.afyadial.store.Store;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts for the health authority, computed by the store ({@code $match} and {@code $group}, which the embedded
 * server runs as MongoDB does): only group keys and counts leave it, never a record.
 */
@Singleton
class HealthStatistics {

    private static final String UNKNOWN = "unknown";
    private static final List<String> STATUSES = Arrays.stream(AppointmentStatus.values()).map(Enum::name).toList();

    private final Store store;
    private final StatisticsSettings settings;

    HealthStatistics(Store store, StatisticsSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    StatisticsReport report(Instant from, Instant to, Dimension groupBy) {
        int k = settings.kAnonymity();
        List<String> notGroupable = new ArrayList<>();
        CountTable patients = null;
        CountTable byCondition = null;
        CountTable byStatus = null;
        List<StatisticsReport.Rate> noShow = null;
        if (groupBy.onAdmissions().isPresent()) {
            Object group = groupBy.onAdmissions().get();
            Bson window = Filters.and(Filters.gte("admittedAt", Date.from(from)), Filters.lt("admittedAt", Date.from(to)));
            Map<String, Map<String, Long>> admitted = counts("admissions", window, group, "$condition");
            byCondition = table(admitted, new ArrayList<>(columnsOf(admitted)), k);
            patients = table(distinctPatients(window, group), List.of("patients"), k);
        } else {
            notGroupable.addAll(List.of("patients", "admissionsByCondition"));
        }
        if (groupBy.onAppointments().isPresent()) {
            Bson window = Filters.and(Filters.gte("start", Date.from(from)), Filters.lt("start", Date.from(to)));
            byStatus = table(counts("appointments", window, groupBy.onAppointments().get(), "$status"), STATUSES, k);
            noShow = byStatus.rows().stream().map(HealthStatistics::noShowRate).toList();
        } else {
            notGroupable.addAll(List.of("appointmentsByStatus", "noShowRates"));
        }
        return new StatisticsReport(from, to, groupBy.parameter(), k, patients, byCondition, byStatus, noShow, notGroupable);
    }

    /** Documents in the window counted by group and by the value of {@code column}. */
    private Map<String, Map<String, Long>> counts(String collection, Bson window, Object group, String column) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        store.collection(collection).aggregate(List.of(
                        new Document("$match", window),
                        new Document("$group", new Document("_id", new Document("g", group).append("c", column))
                                .append("n", new Document("$sum", 1)))))
                .forEach(d -> {
                    Document id = d.get("_id", Document.class);
                    counts.computeIfAbsent(label(id.get("g")), g -> new TreeMap<>())
                            .merge(label(id.get("c")), ((Number) d.get("n")).longValue(), Long::sum);
                });
        return counts;
    }

    private Map<String, Map<String, Long>> distinctPatients(Bson window, Object group) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        store.collection("admissions").aggregate(List.of(
                        new Document("$match", window),
                        new Document("$group", new Document("_id", new Document("g", group).append("p", "$patientId"))),
                        new Document("$group", new Document("_id", "$_id.g").append("n", new Document("$sum", 1)))))
                .forEach(d -> counts.put(label(d.get("_id")), Map.of("patients", ((Number) d.get("n")).longValue())));
        return counts;
    }

    private static CountTable table(Map<String, Map<String, Long>> counts, List<String> columns, int k) {
        return CountTable.of(new ArrayList<>(counts.keySet()), columns, counts, k);
    }

    private static TreeSet<String> columnsOf(Map<String, Map<String, Long>> counts) {
        TreeSet<String> columns = new TreeSet<>();
        counts.values().forEach(row -> columns.addAll(row.keySet()));
        return columns;
    }

    private static StatisticsReport.Rate noShowRate(CountTable.Row row) {
        CountTable.Cell noShow = row.cells().get(STATUSES.indexOf(AppointmentStatus.NO_SHOW.name()));
        CountTable.Cell checkedIn = row.cells().get(STATUSES.indexOf(AppointmentStatus.CHECKED_IN.name()));
        CountTable.Cell completed = row.cells().get(STATUSES.indexOf(AppointmentStatus.COMPLETED.name()));
        if (noShow.suppressed() || checkedIn.suppressed() || completed.suppressed()) {
            return new StatisticsReport.Rate(row.group(), null, true);
        }
        long expected = noShow.count() + checkedIn.count() + completed.count();
        return new StatisticsReport.Rate(row.group(),
                BigDecimal.valueOf(noShow.count()).divide(BigDecimal.valueOf(expected), 4, RoundingMode.HALF_UP), false);
    }

    private static String label(Object value) {
        return Objects.toString(value, UNKNOWN);
    }
}
