package org.afyadial.statistics;

import com.mongodb.client.model.Filters;
import jakarta.inject.Singleton;
import org.afyadial.appointments.AppointmentStatus;
import org.afyadial.payments.PaymentStatus;
import org.afyadial.sms.OutboxStatus;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts for the health authority, computed by the store ({@code $match} and {@code $group}, which the embedded
 * server runs as MongoDB does): only group keys and counts leave it, never a record.
 */
@Singleton
class HealthStatistics {

    private static final String UNKNOWN = "unknown";
    private static final List<String> STATUSES = names(AppointmentStatus.values());
    /** The appointments whose patient was expected: the no-show rate's denominator. */
    private static final List<String> EXPECTED_AT_THE_CLINIC = names(AppointmentStatus.NO_SHOW, AppointmentStatus.CHECKED_IN, AppointmentStatus.COMPLETED);
    private static final List<String> MESSAGE_STATUSES = names(OutboxStatus.values());
    /** The messages that left for the phone network: whether each reached its phone is what the rate measures. */
    private static final List<String> MESSAGES_SENT = names(OutboxStatus.SENT, OutboxStatus.DELIVERED, OutboxStatus.FAILED, OutboxStatus.EXPIRED);
    private static final List<String> PAYMENT_STATUSES = names(PaymentStatus.values());

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
            Bson window = window("admittedAt", from, to);
            Map<String, Map<String, Long>> admitted = counts("admissions", window, group, "$condition");
            byCondition = table(admitted, new ArrayList<>(columnsOf(admitted)), k);
            patients = table(distinctPatients(window, group), List.of("patients"), k);
        } else {
            notGroupable.addAll(List.of("patients", "admissionsByCondition"));
        }
        if (groupBy.onAppointments().isPresent()) {
            Bson window = window("start", from, to);
            byStatus = table(counts("appointments", window, groupBy.onAppointments().get(), "$status"), STATUSES, k);
            noShow = byStatus.rows().stream().map(row -> rate(row, STATUSES, AppointmentStatus.NO_SHOW.name(), EXPECTED_AT_THE_CLINIC)).toList();
        } else {
            notGroupable.addAll(List.of("appointmentsByStatus", "noShowRates"));
        }
        CountTable consultations = null;
        if (groupBy.onConsultations().isPresent()) {
            Map<String, Map<String, Long>> diagnosed = counts("consultations", window("createdAt", from, to),
                    groupBy.onConsultations().get(), Icd10Chapters.of("$icd10"));
            Set<String> chapters = columnsOf(diagnosed);
            consultations = table(diagnosed, Icd10Chapters.IN_ORDER.stream().filter(chapters::contains).toList(), k);
        } else {
            notGroupable.add("consultationsByDiagnosis");
        }
        CountTable messages = null;
        List<StatisticsReport.Rate> delivery = null;
        if (groupBy.onMessages().isPresent()) {
            messages = table(counts("sms_outbox", window("createdAt", from, to), groupBy.onMessages().get(), "$status"), MESSAGE_STATUSES, k);
            delivery = messages.rows().stream().map(row -> rate(row, MESSAGE_STATUSES, OutboxStatus.DELIVERED.name(), MESSAGES_SENT)).toList();
        } else {
            notGroupable.addAll(List.of("smsByStatus", "smsDeliveryRates"));
        }
        CountTable payments = null;
        if (groupBy.onPayments().isPresent()) {
            payments = table(counts("payments", window("receivedAt", from, to), groupBy.onPayments().get(), "$status"), PAYMENT_STATUSES, k);
        } else {
            notGroupable.add("paymentsByStatus");
        }
        return new StatisticsReport(from, to, groupBy.parameter(), k, patients, byCondition, consultations, byStatus, noShow,
                messages, delivery, payments, notGroupable);
    }

    private static Bson window(String date, Instant from, Instant to) {
        return Filters.and(Filters.gte(date, Date.from(from)), Filters.lt(date, Date.from(to)));
    }

    /** Documents in the window counted by group and by the value of {@code column}, a store expression. */
    private Map<String, Map<String, Long>> counts(String collection, Bson window, Object group, Object column) {
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

    /**
     * The share of {@code numerator} in the sum of {@code denominator}'s columns: given only when each of them is
     * published, and absent (not suppressed) when they are all 0.
     */
    private static StatisticsReport.Rate rate(CountTable.Row row, List<String> columns, String numerator, List<String> denominator) {
        List<CountTable.Cell> parts = denominator.stream().map(c -> row.cells().get(columns.indexOf(c))).toList();
        if (parts.stream().anyMatch(CountTable.Cell::suppressed)) {
            return new StatisticsReport.Rate(row.group(), null, true);
        }
        long total = parts.stream().mapToLong(CountTable.Cell::count).sum();
        long part = row.cells().get(columns.indexOf(numerator)).count();
        return new StatisticsReport.Rate(row.group(),
                total == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_UP), false);
    }

    @SafeVarargs
    private static <E extends Enum<E>> List<String> names(E... values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String label(Object value) {
        return Objects.toString(value, UNKNOWN);
    }
}
