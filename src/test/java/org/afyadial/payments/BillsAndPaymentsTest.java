package org.afyadial.payments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bills and the ledger through the staff API: bills follow bookings, cash and provider money are applied once,
 * what does not fit a bill waits in reconciliation, and every change is audited.
 */
@MicronautTest(transactional = false)
class BillsAndPaymentsTest {

    static final Instant FRIDAY_9AM = Instant.parse("2026-11-20T06:00:00Z");
    static final Instant MONDAY_9AM = Instant.parse("2026-11-23T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    AppointmentService appointments;

    @Inject
    PaymentLedger ledger;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aBookingWithAFeeIsBilledAndItsCancellationVoidsTheBill() {
        Doctor doctor = clinic.doctor("Billed", "Billing Medicine", "dr.billed");
        Patient patient = clinic.patient("Akinyi", "+254711000101");
        var appointment = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);

        Map<String, Object> bill = onlyBill(patient.id());
        assertEquals("UNPAID", bill.get("status"));
        assertEquals(150_000L, ((Number) bill.get("amountDue")).longValue());
        assertEquals("KES", bill.get("currency"));
        assertTrue(((String) bill.get("reference")).matches("B[2-9A-HJ-NP-Z]{4}"), (String) bill.get("reference"));

        appointments.cancelByStaff(appointment.id(), "doctor away", null);
        assertEquals("VOID", onlyBill(patient.id()).get("status"));
    }

    @Test
    void aPaidBillOfACancelledVisitIsARefundDueUntilTheRefundIsRecorded() {
        Doctor doctor = clinic.doctor("Refunder", "Billing Medicine", "dr.refunder");
        Patient patient = clinic.patient("Baraka", "+254711000102");
        var appointment = appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);
        String billId = (String) onlyBill(patient.id()).get("id");
        Payment payment = ledger.record(success("MP1", billReference(billId), 150_000L, "KES"));

        appointments.cancelByStaff(appointment.id(), "patient travelled", null);
        assertEquals("REFUND_DUE", onlyBill(patient.id()).get("status"));
        assertEquals(1, ((List<?>) call(HttpRequest.GET("/api/v1/payments/reconciliation"), admin(), HttpStatus.OK).get("refundsDue")).size());

        call(HttpRequest.POST("/api/v1/payments/" + payment.id() + "/refund", Map.of("reason", "M-Pesa reversal")), admin(), HttpStatus.OK);
        assertEquals("REFUNDED", onlyBill(patient.id()).get("status"));
        assertTrue(auditActions(patient.id()).containsAll(List.of("bill.create", "bill.refund_due", "payment.refund")));
    }

    @Test
    void cashPaysABillInPartsAndTheBillShowsItsPayments() {
        Patient patient = clinic.patient("Chausiku", "+254711000103");
        String billId = staffBill(patient.id(), 50_000L);

        Map<String, Object> first = call(HttpRequest.POST("/api/v1/bills/" + billId + "/payments", Map.of("amount", 20_000)), reception(), HttpStatus.CREATED);
        assertEquals("CASH", first.get("provider"));
        Map<String, Object> bill = bill(billId);
        assertEquals("PARTIALLY_PAID", bill.get("status"));
        assertEquals(30_000L, ((Number) bill.get("balance")).longValue());

        HttpClientResponseException tooMuch = assertThrows(HttpClientResponseException.class, () -> call(
                HttpRequest.POST("/api/v1/bills/" + billId + "/payments", Map.of("amount", 40_000)), reception(), HttpStatus.CREATED));
        assertEquals(HttpStatus.CONFLICT, tooMuch.getStatus());

        call(HttpRequest.POST("/api/v1/bills/" + billId + "/payments", Map.of("amount", 30_000)), reception(), HttpStatus.CREATED);
        Map<String, Object> paid = call(HttpRequest.GET("/api/v1/bills/" + billId), reception(), HttpStatus.OK);
        assertEquals("PAID", bill(billId).get("status"));
        assertEquals(2, ((List<?>) paid.get("payments")).size());
        List<String> receipts = receipts(patient.id());
        assertEquals(2, receipts.size());
        assertTrue(receipts.get(0).endsWith("received KES 200 for bill " + billReference(billId) + ". Still to pay: KES 300."),
                "money taken at the desk has no code to show: " + receipts.get(0));

        HttpClientResponseException notVoidable = assertThrows(HttpClientResponseException.class, () -> call(
                HttpRequest.POST("/api/v1/bills/" + billId + "/void", Map.of("reason", "mistake")), reception(), HttpStatus.OK));
        assertEquals(HttpStatus.CONFLICT, notVoidable.getStatus());
        assertTrue(auditActions(patient.id()).containsAll(List.of("bill.create", "payment.manual", "bill.read")));
    }

    @Test
    void aNotificationDeliveredFiveTimesInterleavedIsOnePaymentOneBillChangeOneReceipt() throws Exception {
        Patient patient = clinic.patient("Dalila", "+254711000104");
        Patient other = clinic.patient("Eshe", "+254711000105");
        String billId = staffBill(patient.id(), 50_000L);
        String otherBillId = staffBill(other.id(), 50_000L);
        List<PaymentResult> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(success("QKH94M1Z11", billReference(billId), 20_000L, "KES"));
            deliveries.add(success("QKH94M1Z12", billReference(otherBillId), 50_000L, "KES"));
        }
        Collections.shuffle(deliveries);

        AllAtOnce.run(deliveries.stream().<java.util.concurrent.Callable<Payment>>map(d -> () -> ledger.record(d)).toList());

        Map<String, Object> bill = bill(billId);
        assertEquals("PARTIALLY_PAID", bill.get("status"));
        assertEquals(30_000L, ((Number) bill.get("balance")).longValue());
        assertEquals(1L, ((Number) bill.get("version")).longValue());
        assertEquals("PAID", bill(otherBillId).get("status"));
        assertEquals(1, ((List<?>) call(HttpRequest.GET("/api/v1/bills/" + billId), reception(), HttpStatus.OK).get("payments")).size());
        List<String> receipts = receipts(patient.id());
        assertEquals(1, receipts.size());
        assertTrue(receipts.get(0).contains("Still to pay: KES 300"), receipts.get(0));
        assertEquals(1, receipts(other.id()).size());
    }

    @Test
    void moneyThatDoesNotFitABillWaitsInReconciliationAndIsNeverApplied() {
        Patient patient = clinic.patient("Fumo", "+254711000106");
        String billId = staffBill(patient.id(), 50_000L);
        String reference = billReference(billId);

        Payment over = ledger.record(success("OVER1", reference, 60_000L, "KES"));
        Payment foreign = ledger.record(success("CUR1", reference, 50_000L, "UGX"));
        Payment stray = ledger.record(success("STRAY1", "BZZZZ", 10_000L, "KES"));
        assertEquals("UNPAID", bill(billId).get("status"));

        Map<String, Object> reconciliation = call(HttpRequest.GET("/api/v1/payments/reconciliation"), reception(), HttpStatus.OK);
        assertTrue(ids(reconciliation.get("overpaid")).contains(over.id()));
        assertTrue(ids(reconciliation.get("currencyMismatches")).contains(foreign.id()));
        assertTrue(ids(reconciliation.get("unmatched")).contains(stray.id()));

        HttpClientResponseException receptionMayNot = assertThrows(HttpClientResponseException.class, () -> call(
                HttpRequest.POST("/api/v1/payments/" + stray.id() + "/match", Map.of("billId", billId)), reception(), HttpStatus.OK));
        assertEquals(HttpStatus.FORBIDDEN, receptionMayNot.getStatus());
        Map<String, Object> matched = call(HttpRequest.POST("/api/v1/payments/" + stray.id() + "/match", Map.of("billId", billId)), admin(), HttpStatus.OK);
        assertEquals(true, matched.get("applied"));
        assertEquals(40_000L, ((Number) bill(billId).get("balance")).longValue());
        assertTrue(!ids(call(HttpRequest.GET("/api/v1/payments/reconciliation"), admin(), HttpStatus.OK).get("unmatched")).contains(stray.id()));
        assertTrue(auditActions(patient.id()).contains("payment.match"));
    }

    @Test
    void moneyHeldForReviewThenAppliedByStaffGetsItsReceiptAfterTheReviewNotice() {
        Patient patient = clinic.patient("Zawadi", "+254711000107");
        String small = staffBill(patient.id(), 50_000L);
        String large = staffBill(patient.id(), 100_000L);

        Payment over = ledger.record(success("OVER2", billReference(small), 60_000L, "KES"));
        call(HttpRequest.POST("/api/v1/payments/" + over.id() + "/match", Map.of("billId", large)), admin(), HttpStatus.OK);

        List<String> texts = receipts(patient.id());
        assertEquals(2, texts.size(), texts.toString());
        assertTrue(texts.get(0).contains("does not match bill " + billReference(small)), texts.get(0));
        assertTrue(texts.get(1).contains(billReference(large)) && texts.get(1).contains("Still to pay: KES 400"), texts.get(1));
    }

    @Test
    void aSuccessAfterTheRequestFailedStillPaysAndIsFlagged() {
        Patient patient = clinic.patient("Gathoni", "+254711000107");
        String billId = staffBill(patient.id(), 50_000L);
        Bill bill = new Bill(billId, billReference(billId), patient.id(), null, List.of(), "KES", 50_000L, 0, 50_000L,
                BillStatus.UNPAID, null, FRIDAY_9AM, FRIDAY_9AM, 0);
        PushRequests requests = pushRequests;
        var request = requests.insert(Provider.MPESA, bill, patient.phone(), clock.instant());
        requests.identify(request.id(), "ws_CO_1");

        ledger.record(new PaymentResult(Provider.MPESA, "ws_CO_1", "ws_CO_1", null, patient.phone(), 0, "KES", null, Failure.TIMED_OUT));
        assertEquals("UNPAID", bill(billId).get("status"));
        assertTrue(receipts(patient.id()).get(0).contains("timed out"));

        Payment late = ledger.record(new PaymentResult(Provider.MPESA, "QLATE00001", "ws_CO_1", null, patient.phone(), 50_000L, "KES", "QLATE00001", null));
        assertEquals("PAID", bill(billId).get("status"));
        assertEquals(Review.LATE_SUCCESS, late.review());
        assertTrue(ids(call(HttpRequest.GET("/api/v1/payments/reconciliation"), admin(), HttpStatus.OK).get("lateSuccesses")).contains(late.id()));
    }

    @Inject
    PushRequests pushRequests;

    private static PaymentResult success(String code, String reference, long amount, String currency) {
        return new PaymentResult(Provider.MPESA, code, null, reference, "+254700000000", amount, currency, code, null);
    }

    private String staffBill(String patientId, long amount) {
        Map<String, Object> created = call(HttpRequest.POST("/api/v1/bills", Map.of("patientId", patientId,
                "lines", List.of(Map.of("description", "Lab test", "amount", amount)))), reception(), HttpStatus.CREATED);
        return (String) created.get("id");
    }

    private String billReference(String billId) {
        return (String) bill(billId).get("reference");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> bill(String billId) {
        return (Map<String, Object>) call(HttpRequest.GET("/api/v1/bills/" + billId), reception(), HttpStatus.OK).get("bill");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> onlyBill(String patientId) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) call(HttpRequest.GET("/api/v1/bills?patientId=" + patientId),
                reception(), HttpStatus.OK).get("items");
        assertEquals(1, items.size());
        return items.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object payments) {
        return ((List<Map<String, Object>>) payments).stream().map(p -> (String) p.get("id")).toList();
    }

    private List<String> receipts(String patientId) {
        return PaymentSmsSent.to(store, patientId);
    }

    private List<String> auditActions(String patientId) {
        List<String> actions = new ArrayList<>();
        store.collection("audit_log").find(eq("patientId", patientId)).forEach(d -> actions.add(d.getString("action")));
        return actions;
    }

    private String reception() {
        return tokens.bearer("rita.reception", Role.RECEPTIONIST);
    }

    private String admin() {
        return tokens.bearer("adam.admin", Role.ADMIN);
    }

    private Map<String, Object> call(MutableHttpRequest<?> request, String bearer, HttpStatus expected) {
        var response = http.toBlocking().exchange(request.bearerAuth(bearer), Argument.mapOf(String.class, Object.class));
        assertEquals(expected, response.getStatus());
        return response.body();
    }
}
