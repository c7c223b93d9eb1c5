package org.afyadial.clinical;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.appointments.Appointment;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.appointments.AppointmentStatus;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientDetails;
import org.afyadial.patients.PatientService;
import org.afyadial.payments.Bill;
import org.afyadial.payments.BillService;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consultations, lab orders and results, and the patient's history through HTTP: a consultation completes its
 * appointment and feeds the profile; a result is recorded once, corrected only with a reason, and the last one
 * tells the patient (never the result); the history merges everything newest first; who may read what.
 */
@MicronautTest(transactional = false)
class ClinicalRecordsFlowTest {

    private static final Instant FRIDAY_9AM = Instant.parse("2026-11-20T06:00:00Z");
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @Inject
    ApiCalls api;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    AppointmentService appointments;

    @Inject
    PatientService patients;

    @Inject
    BillService bills;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aConsultationCompletesTheAppointmentAndFeedsTheProfile() {
        Doctor doctor = clinic.doctor("Kamau", "Records", "dr.kamau");
        Patient patient = clinic.patient("Zawadi", "+254733100001");
        Appointment visit = checkedInVisit(doctor, patient, 0);

        Map<String, Object> saved = api.send(as(doctor.username(), Role.DOCTOR, HttpRequest.POST("/api/v1/consultations", Map.of(
                "patientId", patient.id(), "appointmentId", visit.id(), "complaint", "Thirst and tiredness",
                "vitals", Map.of("temperatureCelsius", 36.8, "bloodPressure", Map.of("systolicMmHg", 128, "diastolicMmHg", 84),
                        "pulsePerMinute", 76, "weightKg", 82.4, "bloodGlucoseMmolPerL", 14.2),
                "diagnosis", "Type 2 diabetes", "icd10", "E11.9",
                "addToProfile", Map.of("code", "diabetes", "note", "diagnosed at this visit")))));

        assertEquals(AppointmentStatus.COMPLETED, appointments.get(visit.id()).status());
        Map<String, Object> profile = api.send(as(doctor.username(), Role.DOCTOR, HttpRequest.GET("/api/v1/patients/" + patient.id() + "/clinical-profile")));
        assertEquals("diabetes", ((Map<?, ?>) ((List<?>) profile.get("conditions")).getFirst()).get("code"));
        assertEquals(82.4, ((Number) profile.get("weightKg")).doubleValue());
        assertEquals("2026-11-23", profile.get("weighedOn"));
        assertEquals(1, audits("consultation.create", patient.id()));
        assertEquals(1, audits("clinical-profile.update", patient.id()));

        Map<String, Object> read = api.send(as(doctor.username(), Role.DOCTOR, HttpRequest.GET("/api/v1/consultations/" + saved.get("id"))));
        assertEquals("E11.9", read.get("icd10"));
        assertEquals(14.2, ((Number) ((Map<?, ?>) read.get("vitals")).get("bloodGlucoseMmolPerL")).doubleValue());
        Map<String, Object> listed = api.send(as(doctor.username(), Role.DOCTOR, HttpRequest.GET("/api/v1/patients/" + patient.id() + "/consultations")));
        assertEquals(1, ((Number) listed.get("total")).intValue());
        assertEquals(2, audits("consultation.read", patient.id()));

        HttpClientResponseException again = api.failure(as(doctor.username(), Role.DOCTOR, HttpRequest.POST("/api/v1/consultations",
                Map.of("patientId", patient.id(), "appointmentId", visit.id(), "complaint", "Same visit twice"))));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertEquals(1, store.collection("consultations").countDocuments(new Document("patientId", patient.id())));
    }

    @Test
    void anotherDoctorsAppointmentIsRefusedAndLeavesNoConsultation() {
        Doctor doctor = clinic.doctor("Otieno", "Records", "dr.otieno");
        clinic.doctor("Wekesa", "Records", "dr.wekesa");
        Patient patient = clinic.patient("Imani", "+254733100002");
        Appointment visit = checkedInVisit(doctor, patient, 1);

        HttpClientResponseException refused = api.failure(as("dr.wekesa", Role.DOCTOR, HttpRequest.POST("/api/v1/consultations",
                Map.of("patientId", patient.id(), "appointmentId", visit.id(), "complaint", "Cough"))));

        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus());
        assertEquals(AppointmentStatus.CHECKED_IN, appointments.get(visit.id()).status());
        assertEquals(0, store.collection("consultations").countDocuments(new Document("patientId", patient.id())));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            temperatureCelsius   | 98.6  | vitals.temperatureCelsius
            temperatureCelsius   | 36.85 | vitals.temperatureCelsius
            bloodGlucoseMmolPerL | 126   | vitals.bloodGlucoseMmolPerL
            pulsePerMinute       | 0     | vitals.pulsePerMinute
            weightKg             | 0     | vitals.weightKg
            weightKg             | 850   | vitals.weightKg
            bloodPressure        | 80/120| vitals.bloodPressure
            bloodPressure        | 120/  | vitals.bloodPressure.diastolicMmHg
            icd10                | e11   | icd10
            icd10                | E11.  | icd10
            icd10                | diabetes | icd10
            """)
    void implausibleVitalsAndMalformedCodesAre400Problems(String field, String value, String problemField) {
        Patient patient = clinic.patient("Vitals", "+254733100003");
        Map<String, Object> vitals = new HashMap<>();
        Map<String, Object> body = new HashMap<>(Map.of("patientId", patient.id(), "complaint", "Headache", "vitals", vitals));
        switch (field) {
            case "icd10" -> body.put("icd10", value);
            case "bloodPressure" -> {
                String[] pressures = value.split("/", -1);
                Map<String, Object> pressure = new HashMap<>(Map.of("systolicMmHg", Integer.parseInt(pressures[0])));
                if (!pressures[1].isEmpty()) {
                    pressure.put("diastolicMmHg", Integer.parseInt(pressures[1]));
                }
                vitals.put("bloodPressure", pressure);
            }
            default -> vitals.put(field, Double.parseDouble(value));
        }

        HttpClientResponseException refused = api.failure(as("dr.vitals", Role.DOCTOR, HttpRequest.POST("/api/v1/consultations", body)));

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatus());
        assertEquals("application/problem+json", refused.getResponse().getContentType().orElseThrow().toString());
        assertTrue(refused.getResponse().getBody(String.class).orElseThrow().contains(problemField), problemField);
        assertEquals(0, store.collection("consultations").countDocuments(new Document("patientId", patient.id())));
    }

    @Test
    void resultsAreRecordedOnceCorrectedWithAReasonAndTheLastOneTellsThePatient() {
        Patient patient = patients.register(new PatientDetails("Baraka", "Mwangi", "+254733100004", 1980, null, Language.sw,
                List.of(), List.of(), null, null, true), null, Channel.STAFF);
        Map<String, Object> order = api.send(as("dr.lab", Role.DOCTOR, HttpRequest.POST("/api/v1/lab-orders",
                Map.of("patientId", patient.id(), "tests", List.of("Fasting glucose", "HbA1c", "hba1c")))));
        assertEquals(List.of("Fasting glucose", "HbA1c"), order.get("tests"));
        String results = "/api/v1/lab-orders/" + order.get("id") + "/results";

        assertTrue(openOrderIds().contains(order.get("id")));
        api.send(lab(HttpRequest.POST(results, result("fasting GLUCOSE", "7.9", null))));
        assertEquals(HttpStatus.CONFLICT, api.failure(lab(HttpRequest.POST(results, result("Fasting glucose", "8.1", null)))).getStatus());
        Map<String, Object> corrected = api.send(lab(HttpRequest.POST(results, result("Fasting glucose", "8.1", "transcription error"))));
        Map<?, ?> glucose = (Map<?, ?>) ((List<?>) corrected.get("results")).getFirst();
        assertEquals("8.1", glucose.get("value"));
        assertEquals("7.9", ((Map<?, ?>) ((List<?>) glucose.get("earlier")).getFirst()).get("value"));
        assertEquals(1, audits("lab-result.correct", patient.id()));
        assertEquals(0, outbox(patient.id()).size(), "results are ready only when every test has one");

        api.send(lab(HttpRequest.POST(results, result("HbA1c", "9.4", null))));

        List<Document> texts = outbox(patient.id());
        assertEquals(1, texts.size());
        String text = texts.getFirst().getString("text");
        assertTrue(text.contains("majibu yako ya maabara yako tayari"), text);
        assertFalse(text.contains("9.4") || text.contains("8.1"), text);
        assertFalse(openOrderIds().contains(order.get("id")));
        assertEquals(HttpStatus.BAD_REQUEST, api.failure(lab(HttpRequest.POST(results, result("Malaria RDT", "negative", null)))).getStatus());
    }

    /** STOP is about reminders; that results are ready is part of the patient's care, like a booking's confirmation. */
    @Test
    void aPatientWhoSentStopIsStillToldThatResultsAreReady() {
        Patient patient = clinic.patient("Kimya", "+254733100005");
        String stop = "from=%2B254733100005&to=21512&text=STOP&id=ATXid_results_stop&date=2026-11-20+06%3A00%3A00";
        assertEquals(HttpStatus.OK, api.status(HttpRequest.POST("/at/sms/inbound", stop).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)));
        assertFalse(patients.get(patient.id()).smsOptIn());
        Map<String, Object> order = api.send(as("dr.lab", Role.DOCTOR, HttpRequest.POST("/api/v1/lab-orders",
                Map.of("patientId", patient.id(), "tests", List.of("Haemoglobin")))));

        api.send(lab(HttpRequest.POST("/api/v1/lab-orders/" + order.get("id") + "/results", result("Haemoglobin", "11.2", null))));

        List<Document> ready = outbox(patient.id()).stream().filter(m -> "RESULTS_READY".equals(m.getString("kind"))).toList();
        assertEquals(1, ready.size());
        assertNotEquals("CANCELLED", ready.getFirst().getString("status"));
        assertTrue(ready.getFirst().getString("text").contains("your lab results are ready"), ready.getFirst().getString("text"));
    }

    @Test
    void twoLabUsersRecordingOneTestAtOnceGetOneSuccess() {
        Patient patient = clinic.patient("Pacha", "+254733100006");
        Map<String, Object> order = api.send(as("dr.lab", Role.DOCTOR, HttpRequest.POST("/api/v1/lab-orders",
                Map.of("patientId", patient.id(), "tests", List.of("Malaria RDT")))));
        String results = "/api/v1/lab-orders/" + order.get("id") + "/results";

        List<HttpStatus> answers = AllAtOnce.run(2, () -> api.status(lab(HttpRequest.POST(results, result("Malaria RDT", "negative", null)))));

        assertEquals(List.of(HttpStatus.OK, HttpStatus.CONFLICT), answers.stream().sorted().toList());
        assertEquals(1, store.collection("lab_results").countDocuments(new Document("orderId", order.get("id"))));
        assertEquals(1, outbox(patient.id()).size());
    }

    @Test
    void theHistoryMergesEverythingNewestFirstPageByPage() {
        Doctor doctor = clinic.doctor("Njeri", "Records", "dr.njeri");
        Patient patient = clinic.patient("Historia", "+254733100007");
        Appointment visit = checkedInVisit(doctor, patient, 2);
        String drNjeri = doctor.username();
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> consultation = api.send(as(drNjeri, Role.DOCTOR, HttpRequest.POST("/api/v1/consultations", Map.of(
                "patientId", patient.id(), "appointmentId", visit.id(), "complaint", "Fever", "diagnosis", "Malaria", "icd10", "B54"))));
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> order = api.send(as(drNjeri, Role.DOCTOR, HttpRequest.POST("/api/v1/lab-orders",
                Map.of("patientId", patient.id(), "tests", List.of("Malaria RDT"), "consultationId", consultation.get("id")))));
        clock.advance(Duration.ofMinutes(1));
        api.send(lab(HttpRequest.POST("/api/v1/lab-orders/" + order.get("id") + "/results", result("Malaria RDT", "positive", null))));
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> prescription = api.send(as(drNjeri, Role.DOCTOR, HttpRequest.POST("/api/v1/prescriptions", Map.of("patientId", patient.id(),
                "items", List.of(Map.of("drug", "Paracetamol", "form", "tablet", "dose", "1", "timesPerDay", 3, "days", 3, "route", "oral"))))));
        clock.advance(Duration.ofMinutes(1));
        api.send(as("pharma.history", Role.PHARMACIST, HttpRequest.POST("/api/v1/prescriptions/" + prescription.get("id") + "/dispense", Map.of("item", 0))));
        clock.advance(Duration.ofMinutes(1));
        Bill visitFee = bills.list(patient.id(), null).getFirst();
        api.send(as("desk.history", Role.RECEPTIONIST, HttpRequest.POST("/api/v1/bills/" + visitFee.id() + "/payments",
                Map.of("amount", visitFee.balance()))));

        String history = "/api/v1/patients/" + patient.id() + "/history";
        Map<String, Object> first = api.send(as(drNjeri, Role.DOCTOR, HttpRequest.GET(history + "?size=3")));
        Map<String, Object> second = api.send(as(drNjeri, Role.DOCTOR, HttpRequest.GET(history + "?size=3&page=1")));
        Map<String, Object> third = api.send(as(drNjeri, Role.DOCTOR, HttpRequest.GET(history + "?size=3&page=2")));

        assertEquals(8, ((Number) first.get("total")).intValue());
        assertEquals(List.of("PAYMENT", "DISPENSING", "PRESCRIPTION", "LAB_RESULT", "LAB_ORDER", "CONSULTATION", "APPOINTMENT", "BILL"),
                List.of(first, second, third).stream().flatMap(page -> ((List<?>) page.get("items")).stream())
                        .map(entry -> ((Map<?, ?>) entry).get("kind")).toList());
        Map<?, ?> result = (Map<?, ?>) ((List<?>) second.get("items")).getFirst();
        assertEquals("Malaria RDT: positive mmol/L (reference 3.9-5.5) ABNORMAL", result.get("summary"));
        assertEquals("KES 1500 by CASH: SUCCEEDED", ((Map<?, ?>) ((List<?>) first.get("items")).getFirst()).get("summary"));
        assertEquals(3, audits("history.read", patient.id()));
        assertEquals(HttpStatus.BAD_REQUEST, api.failure(as(drNjeri, Role.DOCTOR, HttpRequest.GET(history + "?page=2000000000&size=100"))).getStatus());
    }

    @Test
    void pharmacistsNeverSeeConsultationsOrResultsAndTheLabSeesOnlyItsOrders() {
        Patient patient = clinic.patient("Siri", "+254733100008");
        Map<String, Object> consultation = api.send(as("dr.secret", Role.DOCTOR, HttpRequest.POST("/api/v1/consultations",
                Map.of("patientId", patient.id(), "complaint", "Rash"))));
        Map<String, Object> order = api.send(as("dr.secret", Role.DOCTOR, HttpRequest.POST("/api/v1/lab-orders",
                Map.of("patientId", patient.id(), "tests", List.of("Full blood count")))));
        List<String> clinicalReads = List.of("/api/v1/consultations/" + consultation.get("id"),
                "/api/v1/patients/" + patient.id() + "/consultations", "/api/v1/patients/" + patient.id() + "/history");

        for (String path : clinicalReads) {
            assertEquals(HttpStatus.FORBIDDEN, api.status(as("pharma.secret", Role.PHARMACIST, HttpRequest.GET(path))), path);
            assertEquals(HttpStatus.FORBIDDEN, api.status(lab(HttpRequest.GET(path))), path);
        }
        assertEquals(HttpStatus.FORBIDDEN, api.status(as("pharma.secret", Role.PHARMACIST, HttpRequest.GET("/api/v1/lab-orders/" + order.get("id")))));
        assertEquals(HttpStatus.FORBIDDEN, api.status(as("pharma.secret", Role.PHARMACIST, HttpRequest.GET("/api/v1/lab-orders"))));
        assertEquals(HttpStatus.OK, api.status(lab(HttpRequest.GET("/api/v1/lab-orders/" + order.get("id")))));
        assertEquals(HttpStatus.FORBIDDEN, api.status(lab(HttpRequest.POST("/api/v1/lab-orders", Map.of("patientId", patient.id(), "tests", List.of("x"))))));
    }

    private Appointment checkedInVisit(Doctor doctor, Patient patient, int slot) {
        clock.set(FRIDAY_9AM);
        Instant start = MONDAY_9AM.plus(Duration.ofMinutes(30L * slot));
        Appointment booked = appointments.book(patient.id(), doctor.id(), start, null, Channel.STAFF);
        clock.set(start);
        appointments.checkIn(booked.id());
        return booked;
    }

    private List<Object> openOrderIds() {
        return ((List<?>) api.send(lab(HttpRequest.GET("/api/v1/lab-orders?size=100"))).get("items")).stream()
                .map(o -> ((Map<?, ?>) o).get("id")).map(Object.class::cast).toList();
    }

    private static Map<String, Object> result(String test, String value, String correctionReason) {
        Map<String, Object> result = new HashMap<>(Map.of("test", test, "value", value, "unit", "mmol/L",
                "referenceRange", "3.9-5.5", "abnormal", true));
        if (correctionReason != null) {
            result.put("correctionReason", correctionReason);
        }
        return result;
    }

    private long audits(String action, String patientId) {
        return store.collection("audit_log").countDocuments(new Document("action", action).append("patientId", patientId));
    }

    private List<Document> outbox(String patientId) {
        return store.collection("sms_outbox").find(new Document("patientId", patientId)).into(new ArrayList<>());
    }

    private MutableHttpRequest<?> as(String username, Role role, MutableHttpRequest<?> request) {
        return request.bearerAuth(tokens.bearer(username, role));
    }

    private MutableHttpRequest<?> lab(MutableHttpRequest<?> request) {
        return as("lab.tech", Role.LAB, request);
    }
}
