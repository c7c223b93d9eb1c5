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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AT mobile checkout against a fake of AT's payments API: the checkout request as AT must receive it, a prompt
 * settled end to end by AT's payment notification (bill PAID, receipt queued), and every other answer (a refusing
 * status, HTTP errors, malformed JSON, no answer) a refusal, which the USSD screen tells the patient.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtMobileCheckoutTest implements TestPropertyProvider {

    /** Airtel Kenya: not in the network table, so AT checkout serves it. */
    private static final String AIRTEL_KENYA = "63903";
    private static final AtomicInteger PHONES = new AtomicInteger();

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

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "afyadial.at.payments.base-url", fake.baseUrl(),
                "afyadial.at.payments.product", "AfyaDial Clinic",
                "afyadial.at.payments.timeout", "1s",
                "afyadial.at.sms.base-url", fake.baseUrl(),
                "afyadial.at.sms.api-key", "test-api-key",
                "afyadial.at.sms.username", "afyadial-test",
                "afyadial.sms.schedule-enabled", "false");
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

    @ParameterizedTest(name = "AT notification {0} → bill {1}, SMS ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            Success | PAID   | received KES 500 for bill
            Failed  | UNPAID | was refused by the provider
            """)
    void aPromptIsSettledByAtsNotificationOfItsTransaction(String status, BillStatus expected, String sms) {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        pushes.start(bill.id(), patient.id(), patient.phone(), AIRTEL_KENYA);
        String transactionId = request(bill).getString("providerRequestId");

        for (int delivery = 0; delivery < 2; delivery++) {
            assertEquals(200, http.toBlocking().exchange(HttpRequest.POST("/at/payments/notification", """
                    {"transactionId":"%s","category":"MobileCheckout","provider":"Mpesa","providerRefId":"QAT%s",
                    "providerChannel":"525900","clientAccount":"","productName":"AfyaDial Clinic","sourceType":"PhoneNumber",
                    "source":"%s","destinationType":"Wallet","destination":"PaymentWallet","value":"KES 500.00",
                    "transactionFee":"KES 5.00","providerFee":"KES 0.00","status":"%s","description":"done",
                    "requestMetadata":{"requestId":"%s"},"transactionDate":"2026-11-20T09:15:00.000Z"}"""
                    .formatted(transactionId, bill.reference(), patient.phone(), status, request(bill).getString("_id")))
                    .contentType(MediaType.APPLICATION_JSON_TYPE)).code());
        }

        assertEquals(expected, bills.get(bill.id()).status());
        assertEquals(status.equals("Success") ? "SUCCEEDED" : "FAILED", request(bill).getString("status"));
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size());
        assertTrue(texts.getFirst().contains(sms), texts.getFirst());
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

    private void assertRefused() {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        assertEquals(PushPayments.Started.REFUSED, pushes.start(bill.id(), patient.id(), patient.phone(), AIRTEL_KENYA));
        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        assertEquals("FAILED", request(bill).getString("status"));
    }

    private static Map<String, Object> withoutAmount(Map<String, Object> body) {
        Map<String, Object> rest = new java.util.HashMap<>(body);
        rest.remove("amount");
        return rest;
    }

    private Document request(Bill bill) {
        return store.collection("payment_requests").find(eq("billId", bill.id())).first();
    }

    private Patient patient() {
        return clinic.patient("Wanjiku", "+2547331%05d".formatted(PHONES.incrementAndGet()));
    }
}
