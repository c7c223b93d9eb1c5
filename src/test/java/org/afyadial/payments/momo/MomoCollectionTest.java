package org.afyadial.payments.momo;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import org.afyadial.payments.PaymentProvider.PushPrompt;
import org.afyadial.payments.PaymentProvider.PushRefused;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.PaymentSmsSent;
import org.afyadial.payments.PushPayments;
import org.afyadial.payments.momo.FakeMomoServer.Endpoint;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MTN MoMo collection against a fake of its API: the token, the request-to-pay as MTN must receive it, the status
 * answers, MTN's callback by PUT and POST (raw bodies → answer, bill and SMS), and MoMo's failures (HTTP errors,
 * a stale token, malformed JSON, no answer).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MomoCollectionTest implements TestPropertyProvider {

    private static final String MTN_UGANDA = "64110";
    private static final String WEBHOOK_TOKEN = "momo-test-token";
    private static final AtomicInteger PHONES = new AtomicInteger();

    private final FakeMomoServer fake = new FakeMomoServer();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    MomoCollection momo;
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
        Map<String, String> properties = new HashMap<>(fake.properties());
        properties.put("afyadial.at.webhook.token", WEBHOOK_TOKEN);
        properties.put("afyadial.public-base-url", "https://clinic.example.org/");
        properties.put("afyadial.clinic.currency", "UGX");
        return properties;
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    /** Every test starts with a token that has expired, so its first call fetches one. */
    @BeforeEach
    void freshFake() {
        fake.reset();
        clock.advance(Duration.ofHours(2));
    }

    @Test
    void aPushSendsARequestToPayInMoMosWireFormat() throws IOException {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));

        assertEquals(PushPayments.Started.SENT, pushes.start(bill.id(), patient.id(), patient.phone(), MTN_UGANDA));

        FakeMomoServer.Received token = fake.received(Endpoint.TOKEN).getFirst();
        assertEquals("Basic " + Base64.getEncoder().encodeToString((FakeMomoServer.API_USER + ":" + FakeMomoServer.API_KEY)
                .getBytes(StandardCharsets.UTF_8)), token.headers().get("authorization"));
        assertEquals(FakeMomoServer.SUBSCRIPTION_KEY, token.headers().get("ocp-apim-subscription-key"));
        FakeMomoServer.Received sent = fake.received(Endpoint.REQUEST_TO_PAY).getFirst();
        String referenceId = sent.headers().get("x-reference-id");
        assertTrue(referenceId.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), referenceId);
        assertTrue(sent.headers().get("authorization").startsWith("Bearer token-"), sent.headers().get("authorization"));
        assertEquals("mtnuganda", sent.headers().get("x-target-environment"));
        assertEquals(FakeMomoServer.SUBSCRIPTION_KEY, sent.headers().get("ocp-apim-subscription-key"));
        assertEquals("https://clinic.example.org/momo/callback?token=" + WEBHOOK_TOKEN, sent.headers().get("x-callback-url"));
        Document request = store.collection("payment_requests").find(eq("billId", bill.id())).first();
        assertEquals(referenceId, request.getString("providerRequestId"));
        Map<String, Object> body = read(sent.body());
        assertEquals("50000", body.get("amount"));
        assertEquals("UGX", body.get("currency"));
        assertEquals(request.getString("_id"), body.get("externalId"));
        assertEquals(Map.of("partyIdType", "MSISDN", "partyId", patient.phone().substring(1)), body.get("payer"));
        assertEquals("AfyaDial Clinic " + bill.reference(), body.get("payerMessage"));
    }

    @ParameterizedTest(name = "{0} minor units of {1} → \"{2}\"")
    @CsvSource(delimiter = '|', textBlock = """
            50000  | UGX | 50000
            1250   | GHS | 12.50
            150000 | KES | 1500.00
            7      | XAF | 7
            5      | EUR | 0.05
            """)
    void amountsAreDecimalStringsInTheCurrencysUnits(long minorUnits, String currency, String expected) throws IOException {
        momo.push(new PushPrompt("r" + minorUnits, "+256772000001", minorUnits, currency, "B7K2Q"));
        assertEquals(expected, read(fake.received(Endpoint.REQUEST_TO_PAY).getFirst().body()).get("amount"));
    }

    @Test
    void theTokenIsKeptUntilAMinuteBeforeItExpires() {
        fake.tokenLifetime(3600);
        push();
        push();
        clock.advance(Duration.ofMinutes(58));
        push();
        assertEquals(1, fake.received(Endpoint.TOKEN).size());
        clock.advance(Duration.ofMinutes(1));
        push();
        assertEquals(2, fake.received(Endpoint.TOKEN).size());
    }

    @Test
    void aStaleTokenIsRenewedAndTheCallMadeOnceMore() {
        fake.failNext(Endpoint.REQUEST_TO_PAY, 401, "{\"statusCode\":401,\"message\":\"Access token expired\"}");
        push();
        assertEquals(2, fake.received(Endpoint.TOKEN).size());
        assertEquals(2, fake.received(Endpoint.REQUEST_TO_PAY).size());

        fake.failNext(Endpoint.REQUEST_TO_PAY, 401, "{}");
        fake.failNext(Endpoint.REQUEST_TO_PAY, 401, "{}");
        assertThrows(PushRefused.class, this::push);
    }

    @ParameterizedTest(name = "{0} answering {1} {2} → refused")
    @CsvSource(delimiter = '|', textBlock = """
            TOKEN          | 500 | {"code":"INTERNAL_PROCESSING_ERROR"}
            TOKEN          | 401 | {"error":"login_failed"}
            TOKEN          | 200 | {not json
            TOKEN          | 200 | {"token_type":"access_token"}
            REQUEST_TO_PAY | 500 | {"code":"INTERNAL_PROCESSING_ERROR"}
            REQUEST_TO_PAY | 400 | {"code":"PAYER_NOT_FOUND","message":"Payee does not exist"}
            REQUEST_TO_PAY | 409 | {"code":"RESOURCE_ALREADY_EXIST"}
            REQUEST_TO_PAY | 200 | {}
            """)
    void anyAnswerButAcceptedIsARefusal(Endpoint endpoint, int status, String body) {
        fake.failNext(endpoint, status, body);
        assertThrows(PushRefused.class, this::push);
    }

    @Test
    void noAnswerWithinTheTimeoutIsARefusal() {
        fake.hangNext(Endpoint.REQUEST_TO_PAY);
        assertThrows(PushRefused.class, this::push);
    }

    @ParameterizedTest(name = "status {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"amount":"50000","currency":"UGX","financialTransactionId":"2350345","externalId":"e1","payer":{"partyIdType":"MSISDN","partyId":"256772000001"},"status":"SUCCESSFUL"} | 2350345 50000 UGX null +256772000001
            {"amount":100,"currency":"UGX","financialTransactionId":23503452,"externalId":947354,"payer":{"partyIdType":"MSISDN","partyId":4656473839},"status":"SUCCESSFUL"}    | 23503452 100 UGX null +4656473839
            {"amount":"12.50","currency":"GHS","financialTransactionId":"77","status":"SUCCESSFUL"}                                                                                   | 77 1250 GHS null null
            {"amount":"50000","currency":"UGX","externalId":"e1","status":"FAILED","reason":"APPROVAL_REJECTED"}                                                                  | REF 0 UGX CANCELLED null
            {"amount":"50000","currency":"UGX","externalId":"e1","status":"FAILED","reason":{"code":"NOT_ENOUGH_FUNDS","message":"Not enough funds"}}                             | REF 0 UGX INSUFFICIENT_FUNDS null
            {"amount":"50000","currency":"UGX","externalId":"e1","status":"FAILED","reason":"EXPIRED"}                                                                            | REF 0 UGX TIMED_OUT null
            {"amount":"50000","currency":"UGX","externalId":"e1","status":"FAILED","reason":"PAYER_NOT_FOUND"}                                                                    | REF 0 UGX REFUSED null
            {"amount":"50000","currency":"UGX","externalId":"e1","status":"PENDING"}                                                                                              | pending
            {"amount":"50000","currency":"UGX","status":"SUCCESSFUL"}                                                                                                             | pending
            {"amount":"500.5","currency":"UGX","financialTransactionId":"9","status":"SUCCESSFUL"}                                                                                | pending
            """)
    void theStatusSaysHowTheRequestEnded(String statusBody, String expected) {
        fake.settle("REF", statusBody);
        Optional<PaymentResult> result = momo.check("REF");
        assertEquals(expected, result.map(r -> String.join(" ", r.transactionId(), String.valueOf(r.amount()), r.currency(),
                String.valueOf(r.failure()), String.valueOf(r.payerPhone()))).orElse("pending"));
        result.ifPresent(r -> assertEquals("REF", r.requestId()));
    }

    @ParameterizedTest(name = "status answering {0} → unavailable")
    @CsvSource(delimiter = '|', textBlock = """
            500 | {"code":"INTERNAL_PROCESSING_ERROR"}
            404 | {"code":"RESOURCE_NOT_FOUND"}
            200 | <html>gateway</html>
            """)
    void aStatusThatCannotBeReadIsNoAnswer(int status, String body) {
        fake.failNext(Endpoint.STATUS, status, body);
        assertThrows(MomoCollection.MomoUnavailable.class, () -> momo.check("REF"));
        fake.hangNext(Endpoint.STATUS);
        assertThrows(MomoCollection.MomoUnavailable.class, () -> momo.check("REF"));
    }

    @ParameterizedTest(name = "{0} {1} → bill {2}, SMS ''{3}''")
    @CsvSource(delimiter = '|', textBlock = """
            PUT  | {"amount":"50000","currency":"UGX","financialTransactionId":"FT%s","externalId":"%s","payer":{"partyIdType":"MSISDN","partyId":"256772000001"},"status":"SUCCESSFUL"} | PAID           | received UGX 50000 for bill
            POST | {"amount":"20000","currency":"UGX","financialTransactionId":"FT%s","externalId":"%s","status":"SUCCESSFUL"}                                                   | PARTIALLY_PAID | UGX 30000
            POST | {"amount":"50000","currency":"UGX","financialTransactionId":"FT%s","externalId":"%s","status":"FAILED","reason":"APPROVAL_REJECTED"}                          | UNPAID         | was cancelled
            PUT  | {"amount":"50000","currency":"UGX","externalId":"%2$s","status":"FAILED","reason":{"code":"NOT_ENOUGH_FUNDS"}}                                               | UNPAID         | not enough funds
            PUT  | {"amount":"50000","currency":"UGX","externalId":"%2$s","status":"PENDING"}                                                                                    | UNPAID         |
            POST | {"amount":"50000","currency":"UGX","financialTransactionId":"FT%s","externalId":"%s","status":"SUCCESS                                                         | UNPAID         |
            """)
    void mtnCallsBackOnceByPutOrPost(String method, String body, BillStatus expected, String sms) {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        pushes.start(bill.id(), patient.id(), patient.phone(), MTN_UGANDA);
        String requestId = store.collection("payment_requests").find(eq("billId", bill.id())).first().getString("_id");

        assertEquals(200, callback(method, body.formatted(bill.reference(), requestId), WEBHOOK_TOKEN));

        assertEquals(expected, bills.get(bill.id()).status());
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        if (sms == null) {
            assertEquals(List.of(), texts);
        } else {
            assertEquals(1, texts.size());
            assertTrue(texts.getFirst().contains(sms), texts.getFirst());
        }
    }

    @Test
    void moneyForARequestTheStoreDoesNotKnowIsKeptUnmatched() {
        assertEquals(200, callback("PUT", """
                {"amount":"50000","currency":"UGX","financialTransactionId":"FTSTRAY1","externalId":"000000000000000000000000","status":"SUCCESSFUL"}""",
                WEBHOOK_TOKEN));
        Document stray = store.collection("payments").find(eq("transactionId", "FTSTRAY1")).first();
        assertEquals("UNMATCHED", stray.getString("review"));
        assertEquals(false, stray.getBoolean("applied"));
    }

    @Test
    void aCallbackWithoutTheTokenIsRefused() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> callback("PUT", "{\"status\":\"SUCCESSFUL\"}", "wrong"));
        assertEquals(403, refused.code());
    }

    private void push() {
        momo.push(new PushPrompt("request-1", "+256772000001", 50_000L, "UGX", "B7K2Q"));
    }

    private int callback(String method, String body, String token) {
        HttpRequest<String> request = HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), "/momo/callback?token=" + token)
                .body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        return http.toBlocking().exchange(request).code();
    }

    private Map<String, Object> read(String body) throws IOException {
        return json.readValue(body.getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
    }

    private Patient patient() {
        return clinic.patient("Nakato", "+2567720%05d".formatted(PHONES.incrementAndGet()));
    }
}
