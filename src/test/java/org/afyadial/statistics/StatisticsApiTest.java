package org.afyadial.statistics;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A seeded store, counted by hand. Admissions: 6 Asthma (patients p1-p6) and 2 Cancer (p7, p8) in January 2024,
 * 5 Diabetes of 4 patients (p9 twice) in February, one Asthma in December 2023 (outside the window). Appointments in
 * January: by USSD 5 CHECKED_IN, 6 COMPLETED, 5 NO_SHOW; by staff 7 COMPLETED, 1 NO_SHOW. SMS queued in January: 10
 * DELIVERED, 5 SENT, 5 FAILED, 6 QUEUED; in February 12 DELIVERED, 2 EXPIRED. Payments in January: 7 SUCCEEDED,
 * 5 FAILED; 9 SUCCEEDED in March (outside the window). Consultations in January: 11 of chapter J (J06.9, J18), 7 of
 * E (E11.9), 2 of A-B (B54); in February: 5 of E (E11), 6 of I (I10), 1 without a code; one in December 2023.
 * {@code *} is suppressed.
 */
@MicronautTest(transactional = false)
class StatisticsApiTest {

    private static final String WINDOW = "from=2024-01-01T00:00:00Z&to=2024-03-01T00:00:00Z";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens staff;

    @Inject
    Store store;

    @BeforeEach
    void seed() {
        List.of("admissions", "consultations", "appointments", "sms_outbox", "payments").forEach(c -> store.collection(c).deleteMany(new Document()));
        for (int p = 1; p <= 6; p++) {
            admission("2024-01-10", "Asthma", "p" + p);
        }
        admission("2024-01-10", "Cancer", "p7");
        admission("2024-01-11", "Cancer", "p8");
        for (String p : List.of("p9", "p9", "p10", "p11", "p12")) {
            admission("2024-02-14", "Diabetes", p);
        }
        admission("2023-12-31", "Asthma", "p1");
        appointments("USSD", "CHECKED_IN", 5);
        appointments("USSD", "COMPLETED", 6);
        appointments("USSD", "NO_SHOW", 5);
        appointments("STAFF", "COMPLETED", 7);
        appointments("STAFF", "NO_SHOW", 1);
        dated("sms_outbox", "createdAt", "2024-01-20", "DELIVERED", 10);
        dated("sms_outbox", "createdAt", "2024-01-20", "SENT", 5);
        dated("sms_outbox", "createdAt", "2024-01-21", "FAILED", 5);
        dated("sms_outbox", "createdAt", "2024-01-21", "QUEUED", 6);
        dated("sms_outbox", "createdAt", "2024-02-02", "DELIVERED", 12);
        dated("sms_outbox", "createdAt", "2024-02-02", "EXPIRED", 2);
        dated("payments", "receivedAt", "2024-01-05", "SUCCEEDED", 7);
        dated("payments", "receivedAt", "2024-01-05", "FAILED", 5);
        dated("payments", "receivedAt", "2024-03-05", "SUCCEEDED", 9);
        consultations("2024-01-15", "J06.9", 6);
        consultations("2024-01-16", "J18", 5);
        consultations("2024-01-16", "E11.9", 7);
        consultations("2024-01-17", "B54", 2);
        consultations("2024-02-14", "E11", 5);
        consultations("2024-02-14", "I10", 6);
        consultations("2024-02-15", null, 1);
        consultations("2023-12-31", "B54", 1);
    }

    @Test
    void consultationsByDiagnosisChapterAndMonthAreSuppressedLikeTheOtherTables() {
        Map<?, ?> report = get("month");

        // January's 2 of A-B are small; January's 7 of E protect them in the row; February's 1 uncoded is small, and
        // February's 5 of E protect it; the A-B and uncoded totals (2, 1) are small and protect each other in the totals row
        assertEquals(List.of("A00-B99 E00-E90 I00-I99 J00-J99 uncoded", "2024-01: * * 0 11 0 = 20", "2024-02: 0 * 6 0 * = 12",
                "total: * 12 6 11 * = 32"), render(report.get("consultationsByDiagnosis")));
    }

    @Test
    void admissionsByMonthAreCountedAndSuppressed() {
        Map<?, ?> report = get("month");

        // January's Cancer (2) is small; January's Asthma protects it in its row; the Cancer total (2) is small, and
        // the Diabetes total protects it in the totals row; the Asthma column is then one hidden cell and a zero: its total goes
        assertEquals(List.of("Asthma Cancer Diabetes", "2024-01: * * 0 = 8", "2024-02: 0 0 5 = 5", "total: * * * = 13"),
                render(report.get("admissionsByCondition")));
        // 8 patients in January, 4 in February (small), protected from the total by January
        assertEquals(List.of("patients", "2024-01: *", "2024-02: *", "total: 12"), render(report.get("patients")));
        assertEquals(List.of("REQUESTED CONFIRMED REFUSED CHECKED_IN COMPLETED NO_SHOW CANCELLED RESCHEDULED",
                "2024-01: 0 0 0 5 13 6 0 0 = 24", "total: 0 0 0 5 13 6 0 0 = 24"), render(report.get("appointmentsByStatus")));
        assertEquals(List.of(Map.of("group", "2024-01", "rate", 0.25, "suppressed", false)), report.get("noShowRates"));
        assertEquals(5, report.get("kAnonymity"));
    }

    @Test
    void appointmentsByChannelSuppressTheSmallCellAndItsComplements() {
        Map<?, ?> report = get("channel");

        // staff's single NO_SHOW is small; staff's COMPLETED protects it in its row, USSD's COMPLETED and NO_SHOW in the columns
        assertEquals(List.of("REQUESTED CONFIRMED REFUSED CHECKED_IN COMPLETED NO_SHOW CANCELLED RESCHEDULED",
                "STAFF: 0 0 0 0 * * 0 0 = 8", "USSD: 0 0 0 5 * * 0 0 = 16", "total: 0 0 0 5 13 6 0 0 = 24"),
                render(report.get("appointmentsByStatus")));
        assertEquals(List.of(Map.of("group", "STAFF", "suppressed", true), Map.of("group", "USSD", "suppressed", true)),
                report.get("noShowRates"));
        assertNull(report.get("admissionsByCondition"));
        assertNull(report.get("consultationsByDiagnosis"));
        assertEquals(List.of("patients", "admissionsByCondition", "consultationsByDiagnosis", "smsByStatus", "smsDeliveryRates",
                "paymentsByStatus"), report.get("notGroupable"));
    }

    @Test
    void smsDeliveryAndPaymentsByMonth() {
        Map<?, ?> report = get("month");

        // February's 2 EXPIRED are small; its DELIVERED protects them in the row, January's DELIVERED in the column;
        // the EXPIRED total (2) is small, and the SENT total protects it in the totals row; the SENT column is then
        // one hidden cell and a zero: January's SENT goes
        assertEquals(List.of("QUEUED SENDING SENT DELIVERED FAILED EXPIRED CANCELLED",
                "2024-01: 6 0 * * 5 0 0 = 26", "2024-02: 0 0 0 * 0 * 0 = 14", "total: 6 0 * 22 5 * 0 = 40"),
                render(report.get("smsByStatus")));
        assertEquals(List.of(Map.of("group", "2024-01", "suppressed", true), Map.of("group", "2024-02", "suppressed", true)),
                report.get("smsDeliveryRates"));
        assertEquals(List.of("SUCCEEDED FAILED REFUNDED", "2024-01: 7 5 0 = 12", "total: 7 5 0 = 12"),
                render(report.get("paymentsByStatus")));
    }

    @Test
    void theDeliveryRateIsDeliveredOverWhatLeft() {
        store.collection("sms_outbox").deleteMany(new Document("createdAt", new Document("$gte", Date.from(Instant.parse("2024-02-01T00:00:00Z")))));

        Map<?, ?> report = get("month");

        // 10 DELIVERED of the 20 that left (10 DELIVERED, 5 SENT, 5 FAILED); the 6 QUEUED have not left yet
        assertEquals(List.of(Map.of("group", "2024-01", "rate", 0.5, "suppressed", false)), report.get("smsDeliveryRates"));
    }

    @Test
    void aGroupWithNoPatientExpectedHasNoNoShowRate() {
        store.collection("appointments").deleteMany(new Document());
        appointments("SMS", "CANCELLED", 5);

        assertEquals(List.of(Map.of("group", "SMS", "suppressed", false)), get("channel").get("noShowRates"));
    }

    @Test
    void patientsByAgeBandAndByWeek() {
        // Asthma patients are 3 years old, the others 50
        assertEquals(List.of("patients", "0-4: 6", "45-64: 6", "total: 12"), render(get("ageBand").get("patients")));
        // weeks are named by their Monday: January 10 and 11 fall in the week of the 8th, February 14 in that of the 12th
        assertEquals(List.of("patients", "2024-01-08: *", "2024-02-12: *", "total: 12"), render(get("week").get("patients")));
    }

    @Test
    void theCsvIsTheSameTables() {
        String csv = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/health-authority/statistics.csv?" + WINDOW + "&groupBy=month")
                .bearerAuth(staff.bearer("authority", Role.HEALTH_AUTHORITY)));

        assertEquals("""
                table,patients
                group,patients
                2024-01,suppressed
                2024-02,suppressed
                total,12
                table,admissionsByCondition
                group,Asthma,Cancer,Diabetes,total
                2024-01,suppressed,suppressed,0,8
                2024-02,0,0,5,5
                total,suppressed,suppressed,suppressed,13
                table,consultationsByDiagnosis
                group,A00-B99,E00-E90,I00-I99,J00-J99,uncoded,total
                2024-01,suppressed,suppressed,0,11,0,20
                2024-02,0,suppressed,6,0,suppressed,12
                total,suppressed,12,6,11,suppressed,32
                table,appointmentsByStatus
                group,REQUESTED,CONFIRMED,REFUSED,CHECKED_IN,COMPLETED,NO_SHOW,CANCELLED,RESCHEDULED,total
                2024-01,0,0,0,5,13,6,0,0,24
                total,0,0,0,5,13,6,0,0,24
                table,smsByStatus
                group,QUEUED,SENDING,SENT,DELIVERED,FAILED,EXPIRED,CANCELLED,total
                2024-01,6,0,suppressed,suppressed,5,0,0,26
                2024-02,0,0,0,suppressed,0,suppressed,0,14
                total,6,0,suppressed,22,5,suppressed,0,40
                table,paymentsByStatus
                group,SUCCEEDED,FAILED,REFUNDED,total
                2024-01,7,5,0,12
                total,7,5,0,12
                """, csv.replace("\r\n", "\n"));
        assertFalse(csv.contains("p1"), "no patient identifier");
    }

    @Test
    void anUnknownDimensionIsABadRequest() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> get("doctor"));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    }

    private Map<?, ?> get(String groupBy) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/health-authority/statistics?" + WINDOW + "&groupBy=" + groupBy)
                .bearerAuth(staff.bearer("authority", Role.HEALTH_AUTHORITY)), Map.class);
    }

    private void admission(String day, String condition, String patientId) {
        int age = switch (condition) {
            case "Asthma" -> 3;
            default -> 50;
        };
        store.collection("admissions").insertOne(new Document("rowKey", day + condition + patientId + Math.random())
                .append("admittedAt", Date.from(Instant.parse(day + "T00:00:00Z"))).append("condition", condition)
                .append("patientId", patientId).append("ageAtAdmission", age).append("sex", "F"));
    }

    private void consultations(String day, String icd10, int count) {
        for (int i = 0; i < count; i++) {
            Document consultation = new Document("patientId", "p" + i).append("complaint", "not counted")
                    .append("createdAt", Date.from(Instant.parse(day + "T10:00:00Z")));
            if (icd10 != null) {
                consultation.append("icd10", icd10);
            }
            store.collection("consultations").insertOne(consultation);
        }
    }

    private void appointments(String channel, String status, int count) {
        for (int i = 0; i < count; i++) {
            store.collection("appointments").insertOne(new Document("reference", channel + status + i).append("start", Date.from(Instant.parse("2024-01-15T09:00:00Z")))
                    .append("status", status).append("channel", channel).append("specialty", "GEN"));
        }
    }

    private void dated(String collection, String dateField, String day, String status, int count) {
        for (int i = 0; i < count; i++) {
            String key = day + status + i; // the outbox's and the payments' unique keys
            store.collection(collection).insertOne(new Document(dateField, Date.from(Instant.parse(day + "T08:00:00Z"))).append("status", status)
                    .append("idempotencyKey", key).append("provider", "MPESA").append("transactionId", key));
        }
    }

    /** The column names, then "group: cells = total" per row, the totals last. */
    private static List<String> render(Object table) {
        Map<?, ?> t = (Map<?, ?>) table;
        List<String> lines = new ArrayList<>();
        lines.add(((List<?>) t.get("columns")).stream().map(Object::toString).collect(Collectors.joining(" ")));
        List<Object> rows = new ArrayList<>((List<?>) t.get("rows"));
        rows.add(t.get("total"));
        for (Object r : rows) {
            Map<?, ?> row = (Map<?, ?>) r;
            String cells = ((List<?>) row.get("cells")).stream().map(StatisticsApiTest::text).collect(Collectors.joining(" "));
            lines.add(row.get("group") + ": " + cells + (row.get("total") == null ? "" : " = " + text(row.get("total"))));
        }
        return lines;
    }

    private static String text(Object cell) {
        Map<?, ?> c = (Map<?, ?>) cell;
        return Boolean.TRUE.equals(c.get("suppressed")) ? "*" : c.get("count").toString();
    }
}
