package org.afyadial.staff;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code PUT/DELETE /api/v1/users/{id}/ussd-access} and what it opens on the phone: E.164, one account per phone,
 * audited, the PIN only as a hash, the lockout of wrong PINs, and access that stops at once.
 */
@MicronautTest(transactional = false)
class UssdAccessTest {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    StaffFixtures staff;

    @Inject
    Store store;

    @Test
    void aLocalNumberIsKeptInE164WithTheOneTimePinHashedAndTheRegistrationAudited() {
        String id = account(Role.PHARMACIST);

        Map<String, Object> access = send(register(id, "0712 400 001", "4826"));

        assertEquals("+254712400001", access.get("phone"));
        assertEquals(true, access.get("pinChangeRequired"));
        Document stored = store.collection("staff_phones").find(new Document("_id", id)).first();
        assertTrue(stored.getString("pinHash").startsWith("$2"), "a bcrypt hash");
        assertFalse(stored.toJson().contains("4826"));
        assertEquals(1, store.collection("audit_log").countDocuments(new Document("action", "user.ussd-access").append("targetId", id)));
    }

    @Test
    void aPhoneServesOneAccountAndOnlyPharmacistsGetOne() {
        send(register(account(Role.PHARMACIST), "+254712400002", "4826"));

        assertEquals(HttpStatus.CONFLICT, status(register(account(Role.PHARMACIST), "0712400002", "1357")));
        assertEquals(HttpStatus.CONFLICT, status(register(account(Role.RECEPTIONIST), "+254712400003", "1357")));
        assertEquals(HttpStatus.BAD_REQUEST, status(register(account(Role.PHARMACIST), "+254712400004", "12345")));
        assertEquals(HttpStatus.BAD_REQUEST, status(register(account(Role.PHARMACIST), "not a phone", "1234")));
        assertEquals(HttpStatus.NOT_FOUND, status(register("000000000000000000000000", "+254712400005", "1234")));
    }

    @Test
    void theThirdWrongStaffPinLocksThePhoneLikeAPatientsPin() {
        UssdPhone phone = pharmacistPhone();

        assertTrue(phone.dial().startsWith("CON Pharmacy. Enter your staff PIN:"));
        assertTrue(phone.type("1111").startsWith("CON Wrong PIN."));
        assertTrue(phone.type("2222").startsWith("CON Wrong PIN."));
        assertTrue(phone.type("3333").startsWith("END Too many wrong PINs. Access is locked for 15 minutes."));
        assertTrue(phone.dial().startsWith("END Too many wrong PINs."), "the right PIN is not even asked");
    }

    @Test
    void aDisabledAccountIsClosedAtItsNextScreenAndNoLongerRecognised() {
        String id = account(Role.PHARMACIST);
        UssdPhone phone = new UssdPhone(http.toBlocking(), send(register(id, nextNumber(), "4826")).get("phone").toString());
        signIn(phone);
        phone.type("1");

        send(HttpRequest.POST("/api/v1/users/" + id + "/disable", "").bearerAuth(admin()));

        assertTrue(phone.type("123456").startsWith("END Pharmacy access from this phone is not active."));
        assertTrue(phone.dial().startsWith("CON Welcome to AfyaDial Clinic. Choose a language:"), "a stranger's phone now");
    }

    @Test
    void aRemovedPhoneOrANewRegistrationEndsTheOpenSession() {
        String id = account(Role.PHARMACIST);
        String number = send(register(id, nextNumber(), "4826")).get("phone").toString();
        UssdPhone phone = new UssdPhone(http.toBlocking(), number);
        signIn(phone);
        phone.type("1");

        send(register(id, number, "9753"));
        assertTrue(phone.type("123456").startsWith("END Pharmacy access from this phone is not active."));

        UssdPhone again = new UssdPhone(http.toBlocking(), number);
        again.dial();
        assertTrue(again.type("9753").startsWith("CON Choose your own 4-digit staff PIN:"));
        assertEquals(HttpStatus.NO_CONTENT, status(HttpRequest.DELETE("/api/v1/users/" + id + "/ussd-access").bearerAuth(admin())));
        assertTrue(again.type("2468").startsWith("END Pharmacy access from this phone is not active."));
        assertTrue(again.dial().startsWith("CON Welcome to AfyaDial Clinic. Choose a language:"));
        assertEquals(1, store.collection("audit_log").countDocuments(new Document("action", "user.ussd-access-removed").append("targetId", id)));
    }

    @Test
    void choosingTheOwnPinIsAuditedUnderThePharmacistsAccount() {
        String id = account(Role.PHARMACIST);
        signIn(new UssdPhone(http.toBlocking(), send(register(id, nextNumber(), "4826")).get("phone").toString()));

        Document audited = store.collection("audit_log").find(new Document("action", "user.ussd-pin").append("targetId", id)).first();
        assertEquals(List.of("PHARMACIST", "USSD"), List.of(audited.getString("role"), audited.getString("origin")));
        assertEquals(false, store.collection("staff_phones").find(new Document("_id", id)).first().getBoolean("oneTimePin"));
    }

    private UssdPhone pharmacistPhone() {
        return new UssdPhone(http.toBlocking(), send(register(account(Role.PHARMACIST), nextNumber(), "4826")).get("phone").toString());
    }

    /** Dials, replaces the one-time PIN 4826 by 2580 and reaches the pharmacy's menu. */
    private static void signIn(UssdPhone phone) {
        phone.dial();
        phone.type("4826");
        phone.type("2580");
        assertTrue(phone.type("2580").startsWith("CON AfyaDial Clinic pharmacy"));
    }

    private String account(Role role) {
        String username = "ussd.access" + NUMBERS.incrementAndGet();
        tokens.bearer(username, role);
        return staff.idOf(username);
    }

    private MutableHttpRequest<?> register(String id, String phone, String oneTimePin) {
        return HttpRequest.PUT("/api/v1/users/" + id + "/ussd-access", Map.of("phone", phone, "oneTimePin", oneTimePin))
                .bearerAuth(admin());
    }

    private String admin() {
        return tokens.bearer("admin.access", Role.ADMIN);
    }

    private static String nextNumber() {
        return "+2547124%05d".formatted(10 + NUMBERS.incrementAndGet());
    }

    private Map<String, Object> send(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request, JSON);
    }

    private HttpStatus status(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }
}
