package org.afyadial.clinical;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The motivating case through HTTP: dextrose to a diabetic patient is refused, saved only with the doctor's reason,
 * found by the pharmacist with its alert, dispensed once; aliases, warnings, reminders and concurrent dispensing.
 */
@MicronautTest(transactional = false)
class PrescriptionFlowTest {

    @Inject
    ApiCalls api;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    Store store;

    @Test
    void dextroseToADiabeticIsBlockedUntilOverriddenThenDispensedOnce() {
        String patientId = clinic.patient("Grace", "+254722100001").id();
        putProfile(patientId, Map.of("allergies", List.of(), "conditions", List.of(Map.of("code", "diabetes")), "breastfeeding", false));

        Map<String, Object> dextrose = item("Dextrose 10%", "infusion", 1);
        HttpClientResponseException blocked = api.failure(doctor(HttpRequest.POST("/api/v1/prescriptions",
                Map.of("patientId", patientId, "items", List.of(dextrose)))));
        assertEquals(HttpStatus.CONFLICT, blocked.getStatus());
        String problem = blocked.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("CONTRAINDICATED glucose-diabetes") && problem.contains("WHO Model Formulary"), problem);
        assertEquals(0, store.collection("prescriptions").countDocuments(new Document("patientId", patientId)));

        Map<String, Object> saved = api.send(doctor(HttpRequest.POST("/api/v1/prescriptions", Map.of("patientId", patientId,
                "items", List.of(dextrose), "overrideReason", "Blood glucose 2.1 mmol/L, confirmed hypoglycaemia"))));
        String code = (String) saved.get("code");
        assertTrue(code.matches("\\d{6}"), code);
        assertEquals("glucose-diabetes", ((Map<?, ?>) ((List<?>) saved.get("alerts")).getFirst()).get("rule"));
        assertEquals(1, store.collection("audit_log").countDocuments(new Document("action", "prescription.override")
                .append("targetId", saved.get("id"))));

        Map<String, Object> verified = api.send(pharmacist(HttpRequest.GET("/api/v1/prescriptions/verify/" + code)));
        assertEquals("GO", verified.get("patientInitials"));
        assertEquals(1990, verified.get("patientBirthYear"));
        assertEquals("glucose-diabetes", ((Map<?, ?>) ((List<?>) verified.get("currentAlerts")).getFirst()).get("rule"));

        String dispense = "/api/v1/prescriptions/" + saved.get("id") + "/dispense";
        Map<String, Object> dispensed = api.send(pharmacist(HttpRequest.POST(dispense, Map.of("item", 0))));
        assertEquals(1, ((List<?>) dispensed.get("dispensed")).size());
        assertEquals(HttpStatus.CONFLICT, api.failure(pharmacist(HttpRequest.POST(dispense, Map.of("item", 0)))).getStatus());
    }

    @Test
    void twoPharmaciansDispensingOneItemAtTheSameInstantGetOneSuccess() {
        String patientId = clinic.patient("Juma", "+254722100002").id();
        Map<String, Object> saved = api.send(doctor(HttpRequest.POST("/api/v1/prescriptions",
                Map.of("patientId", patientId, "items", List.of(item("Panadol", "tablet", 3))))));
        String dispense = "/api/v1/prescriptions/" + saved.get("id") + "/dispense";

        List<HttpStatus> answers = AllAtOnce.run(2, () -> api.status(pharmacist(HttpRequest.POST(dispense, Map.of("item", 0)))));

        assertEquals(1, answers.stream().filter(s -> s == HttpStatus.OK).count(), answers::toString);
        assertEquals(1, answers.stream().filter(s -> s == HttpStatus.CONFLICT).count(), answers::toString);
        assertEquals(1, store.collection("dispensings").countDocuments(new Document("prescriptionId", saved.get("id"))));
    }

    @Test
    void brandAndFrenchNamesMeetTheRecordedAllergy() {
        String patientId = clinic.patient("Amani", "+254722100003").id();
        putProfile(patientId, Map.of("allergies", List.of(Map.of("substance", "Pénicilline", "reaction", "rash", "severity", "SEVERE")),
                "conditions", List.of(), "breastfeeding", false));

        for (String drug : List.of("Amoxil", "amoxicilline 500 mg", "AUGMENTIN 625")) {
            HttpClientResponseException blocked = api.failure(doctor(HttpRequest.POST("/api/v1/prescriptions",
                    Map.of("patientId", patientId, "items", List.of(item(drug, "capsule", 3))))));
            assertEquals(HttpStatus.CONFLICT, blocked.getStatus(), drug);
            assertTrue(blocked.getResponse().getBody(String.class).orElseThrow().contains("penicillin-allergy"), drug);
        }
    }

    @Test
    void warningsAreSavedWithThePrescriptionAndRemindersFollowItsItems() {
        String patientId = clinic.patient("Neema", "+254722100004").id();

        Map<String, Object> saved = api.send(doctor(HttpRequest.POST("/api/v1/prescriptions", Map.of("patientId", patientId,
                "items", List.of(item("Mystery tonic", "syrup", 2), item("paracétamol", "tablet", 3))))));

        List<?> alerts = (List<?>) saved.get("alerts");
        assertEquals(List.of(Map.of("item", 0, "rule", "unknown-drug", "severity", "WARNING"),
                        Map.of("item", 1, "rule", "paracetamol-max-adult", "severity", "WARNING")),
                alerts.stream().map(a -> subset((Map<?, ?>) a)).toList());
        assertEquals(2, store.collection("medication_reminders").countDocuments(new Document("patientId", patientId)));
    }

    @Test
    void theProfileIsReadWithConditionNamesAndTheReadIsAudited() {
        String patientId = clinic.patient("Baraka", "+254722100005").id();
        putProfile(patientId, Map.of("allergies", List.of(), "conditions", List.of(Map.of("code", "ckd", "ckdStage", "4")),
                "pregnancyDueDate", "2099-01-01", "breastfeeding", false, "weightKg", 61.5, "weighedOn", "2026-01-10"));

        Map<String, Object> profile = api.send(doctor(HttpRequest.GET("/api/v1/patients/" + patientId + "/clinical-profile")));

        assertEquals("Chronic kidney disease", ((Map<?, ?>) ((List<?>) profile.get("conditions")).getFirst()).get("name"));
        assertEquals(true, profile.get("pregnant"));
        assertEquals(1990, profile.get("birthYear"));
        assertEquals(1, store.collection("audit_log").countDocuments(new Document("action", "clinical-profile.read")
                .append("patientId", patientId)));
        assertEquals(HttpStatus.BAD_REQUEST, api.failure(doctor(HttpRequest.PUT("/api/v1/patients/" + patientId + "/clinical-profile",
                Map.of("allergies", List.of(), "conditions", List.of(Map.of("code", "gout")), "breastfeeding", false))
                .header(HttpHeaders.IF_MATCH, "\"1\""))).getStatus());
    }

    private void putProfile(String patientId, Map<String, Object> profile) {
        api.send(doctor(HttpRequest.PUT("/api/v1/patients/" + patientId + "/clinical-profile", profile).header(HttpHeaders.IF_MATCH, "\"0\"")));
    }

    private static Map<String, Object> item(String drug, String form, int timesPerDay) {
        return Map.of("drug", drug, "form", form, "dose", "1", "timesPerDay", timesPerDay, "days", 3, "route", "oral");
    }

    private static Map<Object, Object> subset(Map<?, ?> alert) {
        return Map.of("item", alert.get("item"), "rule", alert.get("rule"), "severity", alert.get("severity"));
    }

    private MutableHttpRequest<?> doctor(MutableHttpRequest<?> request) {
        return request.bearerAuth(tokens.bearer("dr.clinical", Role.DOCTOR));
    }

    private MutableHttpRequest<?> pharmacist(MutableHttpRequest<?> request) {
        return request.bearerAuth(tokens.bearer("pharma.clinical", Role.PHARMACIST));
    }
}
