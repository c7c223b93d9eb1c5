package org.afyadial.clinical;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two doctors editing one clinical profile: a replacement names the version it read (If-Match: the ETag of the
 * GET), the later of two replacements of one version is refused with 412 and loses nothing of the first, a
 * replacement without a version is refused with 428, and a consultation's addition moves the version on too.
 */
@MicronautTest(transactional = false)
class ClinicalProfileEditsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Test
    void ofTwoDoctorsReplacingTheVersionTheyBothReadOneIsRefusedAndNoAllergyIsLost() {
        String patientId = clinic.patient("Amani", "+254722300001").id();
        String read = get("dr.one", patientId).header(HttpHeaders.ETAG);
        assertEquals(read, get("dr.two", patientId).header(HttpHeaders.ETAG));

        List<HttpResponse<?>> answers = AllAtOnce.run(List.of(
                () -> put("dr.one", patientId, read, "penicillins"),
                () -> put("dr.two", patientId, read, "sulfonamides")));

        List<HttpStatus> statuses = answers.stream().map(HttpResponse::getStatus).toList();
        assertEquals(List.of(HttpStatus.OK, HttpStatus.PRECONDITION_FAILED), statuses.stream().sorted().toList());
        HttpResponse<?> refused = answers.get(statuses.indexOf(HttpStatus.PRECONDITION_FAILED));
        assertEquals("application/problem+json", refused.getContentType().orElseThrow().toString());
        String winner = statuses.getFirst() == HttpStatus.OK ? "penicillins" : "sulfonamides";
        String loser = winner.equals("penicillins") ? "sulfonamides" : "penicillins";
        HttpResponse<Map> current = get("dr.two", patientId);
        assertEquals(List.of(winner), allergies(current));

        HttpResponse<?> again = put("dr.two", patientId, current.header(HttpHeaders.ETAG), winner, loser);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(List.of(winner, loser), allergies(get("dr.one", patientId)));
        assertEquals("\"2\"", again.header(HttpHeaders.ETAG));
    }

    @Test
    void aReplacementWithoutTheVersionReadIsRefusedAndChangesNothing() {
        String patientId = clinic.patient("Subira", "+254722300002").id();

        HttpResponse<?> unversioned = put("dr.one", patientId, null, "penicillins");
        HttpResponse<?> unknownTag = put("dr.one", patientId, "W/\"0\"", "penicillins");

        assertEquals(HttpStatus.PRECONDITION_REQUIRED, unversioned.getStatus());
        assertEquals("application/problem+json", unversioned.getContentType().orElseThrow().toString());
        assertEquals(HttpStatus.PRECONDITION_FAILED, unknownTag.getStatus());
        HttpResponse<Map> profile = get("dr.one", patientId);
        assertEquals(List.of(), allergies(profile));
        assertEquals("\"0\"", profile.header(HttpHeaders.ETAG));
    }

    @Test
    void aConditionAddedByAConsultationMakesAnEarlierReadStale() {
        String patientId = clinic.patient("Tumaini", "+254722300003").id();
        String read = get("dr.one", patientId).header(HttpHeaders.ETAG);
        send(HttpRequest.POST("/api/v1/consultations", Map.of("patientId", patientId, "complaint", "Thirst",
                "diagnosis", "Type 2 diabetes", "addToProfile", Map.of("code", "diabetes"))), "dr.two");

        assertEquals(HttpStatus.PRECONDITION_FAILED, put("dr.one", patientId, read, "penicillins").getStatus());
        Map<?, ?> profile = get("dr.one", patientId).body();
        assertTrue(profile.get("conditions").toString().contains("diabetes"), profile.toString());
        assertEquals(List.of(), profile.get("allergies"));
    }

    private HttpResponse<Map> get(String doctor, String patientId) {
        return http.toBlocking().exchange(HttpRequest.GET(path(patientId)).bearerAuth(tokens.bearer(doctor, Role.DOCTOR)), Map.class);
    }

    private HttpResponse<?> put(String doctor, String patientId, String ifMatch, String... allergies) {
        MutableHttpRequest<?> request = HttpRequest.PUT(path(patientId), Map.of("allergies",
                List.of(allergies).stream().map(a -> Map.of("substance", a, "severity", "SEVERE")).toList(),
                "conditions", List.of(), "breastfeeding", false));
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return send(request, doctor);
    }

    private HttpResponse<?> send(MutableHttpRequest<?> request, String doctor) {
        try {
            return http.toBlocking().exchange(request.bearerAuth(tokens.bearer(doctor, Role.DOCTOR)), String.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private static List<Object> allergies(HttpResponse<Map> profile) {
        return ((List<?>) profile.body().get("allergies")).stream().map(a -> ((Map<?, ?>) a).get("substance")).map(Object.class::cast).toList();
    }

    private static String path(String patientId) {
        return "/api/v1/patients/" + patientId + "/clinical-profile";
    }
}
