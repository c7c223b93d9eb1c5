package org.afyadial.at;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.patients.Patient;
import org.afyadial.payments.Bill;
import org.afyadial.payments.BillService;
import org.afyadial.payments.BillStatus;
import org.afyadial.payments.DueChecks;
import org.afyadial.payments.PaymentSmsSent;
import org.afyadial.payments.PushPayments;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AT mobile checkout against a fake of AT's payments API: the checkout request as AT must receive it, a prompt
 * settled end to end by AT's payment notification or, when that got lost, by AT's find query (bill PAID, receipt
 * queued with the provider's code), every other checkout answer (a refusing status, HTTP errors, malformed JSON, no
 * answer) a refusal, which the USSD screen tells the patient, and a find query that cannot say leaving the request
 * pending until it times out.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtMobileCheckoutTest implements TestPropertyProvider {

    /** Airtel Kenya: not in the network table, so AT checkout serves it. */
    private static final String AIRTEL_KENYA = "63903";
    private static final AtomicInteger PHONES = new AtomicInteger();
    /** The defaults of PAYMENT_PENDING_CHECK_AFTER, PAYMENT_CHECK_INTERVAL and PAYMENT_PENDING_TIMEOUT. */
    private static final Duration PENDING_CHECK_AFTER = Duration.ofMinutes(2);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final Duration PENDING_TIMEOUT = Duration.ofMinutes(10);
    /** The default of PAYMENT_RECEIPT_CODE_WAIT. */
    private static final Duration RECEIPT_CODE_WAIT = Duration.ofMinutes(5);

    private final FakeAtPaymentsServer fake = new FakeAtPaymentsServer();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    PushPayments pushes;
    @Inject
    BillService bills;
    @Inject
    ClinicFixture clinic;
    @Inject
    Store store;
    @Inject
    JsonMapper json;
    @Inject
    DueChecks dueChecks;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "afyadial.at.payments.base-url", fake.baseUrl(),
                "afyadial.at.payments.product", "AfyaDial Clinic",
                "afyadial.at.payments.timeout", "3s",
                "afyadial.at.sms.base-url", fake.baseUrl(),
                "afyadial.at.sms.api-key", "test-api-key",
                "afyadial.at.sms.username", "afyadial-test",
                "afyadial.sms.schedule-enabled", "false",
                "afyadial.payments.schedule-enabled", "false");
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @BeforeEach
    void freshFake() {
        fake.reset();
    }

    @Test
    void aCheckoutRequestCarriesTheAccountTheProductAndOurRequestId() throws IOException {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 150_050L)));

        assertEquals(PushPayments.Started.SENT, pushes.start(bill.id(), patient.id(), patient.phone(), AIRTEL_KENYA));

        FakeAtPaymentsServer.Received sent = fake.received().getFirst();
        assertEquals("test-api-key", sent.apiKey());
        Map<String, Object> body = json.readValue(sent.body().getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
        Document request = request(bill);
        assertEquals(Map.of("username", "afyadial-test", "productName", "AfyaDial Clinic", "phoneNumber", patient.phone(),
                "currencyCode", "KES", "metadata", Map.of("requestId", request.getString("_id"), "billReference", bill.reference())),
                withoutAmount(body));
        assertEquals(0, new BigDecimal("1500.50").compareTo(new BigDecimal(body.get("amount").toString())), body.get("amount").toString());
        assertTrue(request.getString("providerRequestId").startsWith("ATPid_"), request.getString("providerRequestId"));
    }

    @ParameterizedTest(name = "AT''s {0} tells {1} → bill {2}, SMS ''{3}''")
    @CsvSource(delimiter = '|', textBlock = """
            notification | Success | PAID   | received KES 500 for bill
            notification | Failed  | UNPAID | was refused by the provider
            find query   | Success | PAID   | received KES 500 for bill
            find query   | Failed  | UNPAID | was refused by the provider
            """)
    void aPromptIsSettledByWhatAtTellsOfItsTransaction(String told, String status, BillStatus expected, String sms) {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        String transactionId = checkout(patient, bill);

        if (told.equals("notification")) {
            for (int delivery = 0; delivery < 2; delivery++) {
                assertEquals(200, notify(transactionId, status, patient));
            }
        } else {
            // the notification got lost: the request is asked after once it is due
            fake.settle(transactionId, status, "KES 500.0000", receiptOf(transactionId));
            clock.advance(PENDING_CHECK_AFTER.plusSeconds(1));
            dueChecks.run();
            assertTrue(fake.finds().stream().anyMatch(f -> "test-api-key".equals(f.apiKey())
                    && f.body().equals("username=afyadial-test&transactionId=" + transactionId)), fake.finds().toString());
        }

        assertEquals(expected, bills.get(bill.id()).status());
        assertEquals(status.equals("Success") ? "SUCCEEDED" : "FAILED", request(bill).getString("status"));
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains(sms), texts.getFirst());
        if (expected == BillStatus.PAID) {
            assertTrue(texts.getFirst().contains("code " + receiptOf(transactionId)), "the M-Pesa code AT gives: " + texts.getFirst());
        }
    }

    @Test
    void aSuccessTheFindQueryToldWithoutTheProvidersCodeIsReceiptedWithoutItAfterTheWait() {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        String transactionId = checkout(patient, bill);
        fake.settle(transactionId, "Success", "KES 500.0000", "");
        clock.advance(PENDING_CHECK_AFTER.plusSeconds(1));
        dueChecks.run();
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
        assertEquals(List.of(), PaymentSmsSent.to(store, patient.id()), "the receipt waits for the M-Pesa code");

        clock.advance(RECEIPT_CODE_WAIT);
        dueChecks.run();
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().endsWith("received KES 500 for bill " + bill.reference() + ". Bill paid, balance KES 0. Thank you."),
                texts.getFirst());

        assertEquals(200, notify(transactionId, "Success", patient));
        assertEquals(texts, PaymentSmsSent.to(store, patient.id()), "one receipt per payment");
        Document payment = store.collection("payments").find(eq("transactionId", transactionId)).first();
        assertEquals(receiptOf(transactionId), payment.getString("receiptCode"), "the code is kept for the clinic");
    }

    @ParameterizedTest(name = "AT answering {0} {1} → refused")
    @CsvSource(delimiter = '|', textBlock = """
            201 | {"status":"InvalidRequest","description":"Invalid phone number"}
            201 | {"status":"NotSupported","description":"Mobile checkout is not supported for this network"}
            201 | {"status":"Failed","description":"Request failed"}
            201 | {"status":"PendingConfirmation","description":"Waiting for user input"}
            201 | {"status":"PendingConfirmation
            500 | {"status":"Failed","description":"Internal error"}
            401 | The supplied authentication is invalid
            """)
    void anyOtherAnswerIsARefusalAndTheBillStaysUnpaid(int status, String body) {
        fake.answerNext(status, body);
        assertRefused();
    }

    @Test
    void noAnswerWithinTheTimeoutIsARefusal() {
        fake.hangNext();
        assertRefused();
    }

    @Test
    void atUnsureOrOutOfReachLeavesTheRequestPendingUntilItTimesOutAndALateSuccessStillPays() {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        String transactionId = checkout(patient, bill);
        clock.advance(PENDING_CHECK_AFTER);
        for (Runnable trouble : List.<Runnable>of(
                () -> fake.answerNextFind(500, "{\"status\":\"Failed\",\"errorMessage\":\"Internal error\"}"),
                () -> fake.answerNextFind(200, "{\"status\":\"Success\",\"data\":"),
                () -> fake.answerNextFind(200, "{\"status\":\"Success\",\"data\":{\"transactionId\":\"" + transactionId
                        + "\",\"status\":\"PendingConfirmation\",\"value\":\"KES 500.0000\"}}"),
                () -> fake.answerNextFind(401, "The supplied authentication is invalid"),
                fake::hangNextFind)) {
            clock.advance(CHECK_INTERVAL.plusSeconds(1));
            trouble.run();
            dueChecks.run();
            assertEquals("PENDING", request(bill).getString("status"));
        }
        assertEquals(List.of(), PaymentSmsSent.to(store, patient.id()));

        clock.advance(PENDING_TIMEOUT);
        dueChecks.run();
        assertEquals("TIMED_OUT", request(bill).getString("status"));
        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("timed out"), texts.getFirst());

        assertEquals(200, notify(transactionId, "Success", patient));
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status(), "the money moved after all");
        Document payment = store.collection("payments").find(eq("transactionId", transactionId)).first();
        assertEquals("LATE_SUCCESS", payment.getString("review"));
    }

    private void assertRefused() {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        assertEquals(PushPayments.Started.REFUSED, pushes.start(bill.id(), patient.id(), patient.phone(), AIRTEL_KENYA));
        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        assertEquals("FAILED", request(bill).getString("status"));
    }

    /** AT's payment notification of the transaction; answers the HTTP status. */
    private int notify(String transactionId, String status, Patient patient) {
        return http.toBlocking().exchange(HttpRequest.POST("/at/payments/notification", """
                {"transactionId":"%s","category":"MobileCheckout","provider":"Mpesa","providerRefId":"%s",
                "providerChannel":"525900","clientAccount":"","productName":"AfyaDial Clinic","sourceType":"PhoneNumber",
                "source":"%s","destinationType":"Wallet","destination":"PaymentWallet","value":"KES 500.00",
                "transactionFee":"KES 5.00","providerFee":"KES 0.00","status":"%s","description":"done",
                "requestMetadata":{},"transactionDate":"2026-11-20T09:15:00.000Z"}"""
                .formatted(transactionId, receiptOf(transactionId), patient.phone(), status))
                .contentType(MediaType.APPLICATION_JSON_TYPE)).code();
    }

    /** The M-Pesa receipt AT names the transaction's money by, in these tests. */
    private static String receiptOf(String transactionId) {
        return "QAT" + transactionId.substring("ATPid_".length());
    }

    private static Map<String, Object> withoutAmount(Map<String, Object> body) {
        Map<String, Object> rest = new java.util.HashMap<>(body);
        rest.remove("amount");
        return rest;
    }

    /** Starts AT checkout for the bill; answers AT's transactionId of it. */
    private String checkout(Patient patient, Bill bill) {
        pushes.start(bill.id(), patient.id(), patient.phone(), AIRTEL_KENYA);
        return request(bill).getString("providerRequestId");
    }

        private Document request(Bill bill) {
        return store.collection("payment_requests").find(eq("billId", bill.id())).first();
    }

    private Patient patient() {
        return clinic.patient("Wanjiku", "+2547331%05d".formatted(PHONES.incrementAndGet()));
    }
}
