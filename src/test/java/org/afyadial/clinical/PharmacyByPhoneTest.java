package org.afyadial.clinical;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.clinical.PharmacyFixture.Drug;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.staff.StaffFixtures;
import org.afyadial.store.Store;
import org.afyadial.ussd.ConversationTable;
import org.afyadial.ussd.UssdPhone;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pharmacists on basic phones through {@code POST /at/ussd}: the table {@code pharmacy-conversations.psv} in every
 * language, and the motivating case end to end through HTTP, from the blocked prescription to the refused second
 * dispensing.
 */
@MicronautTest(transactional = false)
class PharmacyByPhoneTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final List<String> LANGUAGES = List.of("en", "fr", "sw");
    private static final String ONE_TIME_PIN = "4826";
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    StaffFixtures staff;

    @Inject
    ClinicFixture clinic;

    @Inject
    PharmacyFixture pharmacy;

    @Inject
    Store store;

    @ParameterizedTest(name = "pharmacy in {0}")
    @ValueSource(strings = {"en", "fr", "sw"})
    void everyPharmacyScreenInEveryLanguage(String language) throws IOException {
        int index = LANGUAGES.indexOf(language);
        UssdPhone phone = null;
        String code = null;
        for (ConversationTable.Hop hop : ConversationTable.read("/pharmacy-conversations.psv")) {
            String answer = switch (hop.input()) {
                case "NEW" -> {
                    phone = new UssdPhone(http.toBlocking(), registeredPharmacist(nextNumber()));
                    code = pharmacy.prescribe(pharmacy.patientWith(nextNumber(), "diabetes"), Drug.DEXTROSE, Drug.AMOXICILLIN);
                    yield phone.dial();
                }
                case "BOTH" -> {
                    String number = nextNumber();
                    clinic.patient("Grace", number);
                    phone = new UssdPhone(http.toBlocking(), registeredPharmacist(number));
                    yield phone.dial();
                }
                case "DIAL" -> phone.dial();
                case "CODE" -> phone.type(code.substring(0, 3) + " " + code.substring(3));
                case "LANG" -> phone.type(String.valueOf(index + 1));
                default -> phone.type(hop.input());
            };
            hop.check(answer, index, language);
        }
    }

    @Test
    void dextroseToADiabeticIsBlockedOverriddenThenSeenWithItsAlertAndDispensedOnceByPhone() {
        String patientId = pharmacy.patientWith(nextNumber(), "diabetes");
        HttpClientResponseException blocked = failure(doctor(HttpRequest.POST("/api/v1/prescriptions",
                Map.of("patientId", patientId, "items", List.of(dextrose())))));
        assertEquals(HttpStatus.CONFLICT, blocked.getStatus());
        assertTrue(blocked.getResponse().getBody(String.class).orElseThrow().contains("glucose-diabetes"));

        Map<String, Object> saved = send(doctor(HttpRequest.POST("/api/v1/prescriptions", Map.of("patientId", patientId,
                "items", List.of(dextrose()), "overrideReason", "Blood glucose 2.1 mmol/L, confirmed hypoglycaemia"))));
        String code = (String) saved.get("code");

        UssdPhone phone = new UssdPhone(http.toBlocking(), registeredPharmacist(nextNumber()));
        phone.dial();
        phone.type(ONE_TIME_PIN);
        phone.type("2580");
        assertTrue(phone.type("2580").startsWith("CON AfyaDial Clinic pharmacy"));
        phone.type("1");
        assertTrue(phone.type(code).startsWith("CON Prescription " + code + ": patient GO, born 1990. 1 item(s), 1 alert(s) now."));
        assertTrue(phone.type("1").startsWith("CON ALERT 1/1 CONTRAINDICATED. Dextrose 10%: Diabetic: glucose causes severe hyperglycaemia"));
        assertTrue(phone.type("1").contains("\n1. Dextrose 10% 500 ml infusion\n"));
        phone.type("1");
        assertTrue(phone.type("1").startsWith("CON Dispensed: Dextrose 10% 500 ml infusion."));

        phone.type("1");
        assertTrue(phone.type("1").startsWith("CON Already dispensed: Dextrose 10% 500 ml infusion."));
        String dispense = "/api/v1/prescriptions/" + saved.get("id") + "/dispense";
        assertEquals(HttpStatus.CONFLICT, failure(HttpRequest.POST(dispense, Map.of("item", 0))
                .bearerAuth(tokens.bearer("pharma.desk", Role.PHARMACIST))).getStatus());

        Document dispensing = store.collection("dispensings").find(new Document("prescriptionId", saved.get("id"))).first();
        assertEquals(List.of(0, "USSD"), List.of(dispensing.getInteger("item"), dispensing.getString("channel")));
        Document audited = store.collection("audit_log").find(new Document("action", "prescription.dispense")
                .append("targetId", saved.get("id"))).first();
        assertEquals(List.of(dispensing.getString("dispensedBy"), "PHARMACIST", "USSD", patientId),
                List.of(audited.getString("actor"), audited.getString("role"), audited.getString("origin"), audited.getString("patientId")));
        assertEquals(1, store.collection("audit_log").countDocuments(new Document("action", "prescription.dispense")
                .append("targetId", saved.get("id"))));
    }

    /** A new pharmacist account with this phone registered for USSD under the one-time PIN. */
    private String registeredPharmacist(String phone) {
        staff.pharmacistOnPhone("pharma.phone" + NUMBERS.incrementAndGet(), phone, ONE_TIME_PIN);
        return phone;
    }

    private static Map<String, Object> dextrose() {
        return Map.of("drug", "Dextrose 10%", "form", "infusion", "strength", "500 ml", "dose", "500 ml",
                "timesPerDay", 1, "days", 1, "route", "intravenous");
    }

    private static String nextNumber() {
        return "+2547441%05d".formatted(NUMBERS.incrementAndGet());
    }

    private MutableHttpRequest<?> doctor(MutableHttpRequest<?> request) {
        return request.bearerAuth(tokens.bearer("dr.pharmacy", Role.DOCTOR));
    }

    private Map<String, Object> send(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request, JSON);
    }

    private HttpClientResponseException failure(MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("the request succeeded");
    }
}
