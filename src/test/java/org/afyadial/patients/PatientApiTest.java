package org.afyadial.patients;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Patient records through HTTP: the contract's JSON, the three searches, and an audit line per record read. */
@MicronautTest(transactional = false)
class PatientApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    Store store;

    private Map<String, Object> send(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(tokens.bearer("dr.reader", Role.DOCTOR)),
                Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> register(String first, String last, String phone) {
        return send(HttpRequest.POST("/api/v1/patients", Map.of("firstName", first, "lastName", last, "phone", phone,
                "language", "fr", "chronicConditions", List.of("asthma"), "pregnant", false, "smsOptIn", true)));
    }

    @Test
    void theRecordHasTheContractsFieldsAndNoSecrets() {
        Map<String, Object> created = register("Aïssa", "Diallo", "+254722000001");

        Map<String, Object> read = send(HttpRequest.GET("/api/v1/patients/" + created.get("id")));

        for (String field : List.of("id", "identifier", "firstName", "lastName", "phone", "language", "allergies",
                "chronicConditions", "pregnant", "smsOptIn")) {
            assertEquals(created.get(field), read.get(field), field);
        }
        assertEquals(List.of("asthma"), read.get("chronicConditions"));
        assertFalse(read.containsKey("pinHash"));
        assertFalse(read.containsKey("searchName"));
        assertEquals(1, store.collection("audit_log").countDocuments(new Document("action", "patient.read")
                .append("patientId", created.get("id")).append("actor", "dr.reader")));
    }

    @Test
    void searchByPhoneNameAndIdentifier() {
        Map<String, Object> mother = register("Chantal", "Mukamana", "0733 000 002");
        Map<String, Object> son = register("Éric", "Mukamana", "+254733000002");
        register("Erica", "Ouma", "+254733000003");

        assertEquals(List.of(mother.get("id"), son.get("id")), ids("/api/v1/patients?phone=0733000002"));
        assertEquals(List.of(son.get("id")), ids("/api/v1/patients?name=eric%20muk"));
        assertEquals(2, ids("/api/v1/patients?name=ERIC").size());
        assertEquals(List.of(mother.get("id")), ids("/api/v1/patients?identifier=" + mother.get("identifier")));
        Map<String, Object> page = send(HttpRequest.GET("/api/v1/patients?name=mukamana&size=1&page=1"));
        assertEquals(2, ((Number) page.get("total")).intValue());
        assertEquals(1, ((Number) page.get("page")).intValue());
    }

    @Test
    void anUpdateReplacesTheEditableFields() {
        Map<String, Object> created = register("Neema", "Said", "+254744000001");

        Map<String, Object> updated = send(HttpRequest.PUT("/api/v1/patients/" + created.get("id"), Map.of("firstName", "Neema",
                "lastName", "Said", "phone", "+254744000009", "language", "sw", "bloodType", "AB-", "smsOptIn", false)));

        assertEquals("+254744000009", updated.get("phone"));
        assertEquals("AB-", updated.get("bloodType"));
        assertEquals(created.get("identifier"), updated.get("identifier"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"PHARMACIST", "LAB"})
    void pharmacyAndLabCannotBrowseTheRegister(Role role) {
        Map<String, Object> created = register("Halima", "Wekesa", "+254755000001");
        String bearer = tokens.bearer("register." + role.name().toLowerCase(Locale.ROOT), role);

        for (String path : List.of("/api/v1/patients?size=100", "/api/v1/patients?name=halima",
                "/api/v1/patients?phone=%2B254755000001", "/api/v1/patients/" + created.get("id"))) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(bearer), String.class), path);
            assertEquals(403, refused.code(), path);
        }
    }

    private List<Object> ids(String path) {
        return ((List<?>) send(HttpRequest.GET(path)).get("items")).stream().map(p -> (Object) ((Map<?, ?>) p).get("id")).toList();
    }
}
