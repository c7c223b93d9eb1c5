package org.afyadial.payments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.staff.Role;
import org.afyadial.patients.Patient;
import org.afyadial.payments.momo.FakeMomoServer;
import org.afyadial.payments.momo.FakeMomoServer.Endpoint;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Push requests nobody called back about, asked after through MTN MoMo's status (a fake of its API): a lost
 * callback still pays the bill, a request with no answer times out and the patient is told why, a success after
 * that still pays, and two instances never ask about the same request at once. The clock moves; nothing waits.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PendingRequestChecksTest implements TestPropertyProvider {

    private static final String MTN_UGANDA = "64110";
    private static final AtomicInteger PHONES = new AtomicInteger();

    private final FakeMomoServer fake = new FakeMomoServer();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    PendingRequestChecks checks;
    @Inject
    PushPayments pushes;
    @Inject
    PushRequests requests;
    @Inject
    ProviderChoice providers;
    @Inject
    PaymentLedger ledger;
    @Inject
    PaymentSettings settings;
    @Inject
    BillService bills;
    @Inject
    ClinicFixture clinic;
    @Inject
    Store store;
    @Inject
    StaffTokens tokens;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(fake.properties());
        properties.put("afyadial.clinic.currency", "UGX");
        return properties;
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @BeforeEach
    void freshFake() {
        fake.reset();
        clock.advance(Duration.ofHours(1));
    }

    @Test
    void aLostCallbackIsMadeUpForByAskingMomoOnceTheRequestIsDue() {
        Pushed pushed = push();
        fake.settle(pushed.referenceId(), successful(pushed));

        clock.advance(Duration.ofMinutes(1));
        checks.checkDue();
        assertEquals(0, asked(pushed), "not due before PAYMENT_PENDING_CHECK_AFTER");
        assertEquals(BillStatus.UNPAID, bills.get(pushed.bill().id()).status());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        checks.checkDue();
        assertEquals(BillStatus.PAID, bills.get(pushed.bill().id()).status());
        assertEquals(1, texts(pushed).size());
        assertTrue(texts(pushed).getFirst().contains("received UGX 50000"), texts(pushed).getFirst());

        // the callback MTN sent after all, late: nothing more happens
        callback(successful(pushed));
        assertEquals(1, bills.get(pushed.bill().id()).version());
        assertEquals(1, texts(pushed).size());
        assertEquals(1, store.collection("payments").countDocuments(eq("transactionId", "FT" + pushed.referenceId())));
    }

    @Test
    void aRequestWithNoAnswerTimesOutAndALaterSuccessStillPays() {
        Pushed pushed = push();

        clock.advance(Duration.ofMinutes(3));
        checks.checkDue();
        assertEquals(1, asked(pushed));
        assertEquals("PENDING", request(pushed).getString("status"));
        assertEquals(List.of(), texts(pushed));

        clock.advance(Duration.ofMinutes(7).plusSeconds(1));
        checks.checkDue();
        assertEquals("TIMED_OUT", request(pushed).getString("status"));
        assertEquals(BillStatus.UNPAID, bills.get(pushed.bill().id()).status());
        assertEquals(1, texts(pushed).size());
        assertTrue(texts(pushed).getFirst().contains("timed out"), texts(pushed).getFirst());

        clock.advance(Duration.ofMinutes(1));
        checks.checkDue();
        assertEquals(2, asked(pushed), "an ended request is not asked about again");

        callback(successful(pushed));
        assertEquals(BillStatus.PAID, bills.get(pushed.bill().id()).status());
        Document payment = store.collection("payments").find(eq("transactionId", "FT" + pushed.referenceId())).first();
        assertEquals("LATE_SUCCESS", payment.getString("review"));
    }

    @Test
    void momoOutOfReachLeavesTheRequestPendingUntilItTimesOut() {
        Pushed pushed = push();
        clock.advance(Duration.ofMinutes(3));
        fake.failNext(Endpoint.TOKEN, 500, "{}");
        checks.checkDue();
        clock.advance(settings.checkInterval());
        fake.failNext(Endpoint.STATUS, 500, "{\"code\":\"INTERNAL_PROCESSING_ERROR\"}");
        checks.checkDue();
        clock.advance(settings.checkInterval());
        fake.failNext(Endpoint.STATUS, 200, "{not json");
        checks.checkDue();

        assertEquals("PENDING", request(pushed).getString("status"));
        assertEquals(List.of(), texts(pushed));
    }

    @Test
    void twoInstancesNeverAskAboutTheSameRequestAtOnce() {
        List<Pushed> pushed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pushed.add(push());
        }
        PendingRequestChecks otherInstance = new PendingRequestChecks(requests, providers, ledger, settings, clock);
        clock.advance(Duration.ofMinutes(3));

        AllAtOnce.run(List.of(checks::checkDue, otherInstance::checkDue, checks::checkDue, otherInstance::checkDue));
        pushed.forEach(p -> assertEquals(1, asked(p), p.referenceId()));

        clock.advance(settings.checkInterval().minusSeconds(1));
        AllAtOnce.run(List.of(checks::checkDue, otherInstance::checkDue));
        pushed.forEach(p -> assertEquals(1, asked(p), "held for the check interval"));

        clock.advance(Duration.ofSeconds(1));
        AllAtOnce.run(List.of(checks::checkDue, otherInstance::checkDue));
        pushed.forEach(p -> assertEquals(2, asked(p), "asked again once the interval has passed"));
    }

    @Test
    void aRequestItsProviderNeverNamedBlocksNoOtherAndTimesOutTellingThePatient() {
        // what a crash between storing the request and hearing MoMo's answer leaves behind
        Patient patient = clinic.patient("Okello", "+2567722%05d".formatted(PHONES.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        String broken = requests.insert(Provider.MOMO, bill, patient.phone(), clock.instant()).id();

        Pushed other = push();
        assertEquals("PENDING", request(other).getString("status"), "another patient on the same network still pays");

        clock.advance(Duration.ofMinutes(3));
        checks.checkDue();
        assertTrue(pendingTooLong().contains(broken), "shown to staff while it waits");
        assertTrue(fake.received(Endpoint.STATUS).stream().noneMatch(r -> r.path().contains("unsent")), "nothing to ask MoMo");
        assertEquals(List.of(), PaymentSmsSent.to(store, patient.id()));

        clock.advance(Duration.ofMinutes(7).plusSeconds(1));
        checks.checkDue();
        assertEquals("TIMED_OUT", store.collection(PushRequests.COLLECTION).find(eq("_id", broken)).first().getString("status"));
        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("timed out"), texts.getFirst());
        assertFalse(pendingTooLong().contains(broken), "ended, so no longer pending");
    }

    private record Pushed(Patient patient, Bill bill, String requestId, String referenceId) {
    }

    private Pushed push() {
        Patient patient = clinic.patient("Akello", "+2567721%05d".formatted(PHONES.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        assertEquals(PushPayments.Started.SENT, pushes.start(bill.id(), patient.id(), patient.phone(), MTN_UGANDA));
        Document request = store.collection(PushRequests.COLLECTION).find(eq("billId", bill.id())).first();
        return new Pushed(patient, bill, request.getString("_id"), request.getString("providerRequestId"));
    }

    private static String successful(Pushed pushed) {
        return """
                {"amount":"50000","currency":"UGX","financialTransactionId":"FT%s","externalId":"%s",
                "payer":{"partyIdType":"MSISDN","partyId":"%s"},"status":"SUCCESSFUL"}"""
                .formatted(pushed.referenceId(), pushed.requestId(), pushed.patient().phone().substring(1));
    }

    private void callback(String body) {
        assertEquals(200, http.toBlocking().exchange(HttpRequest.PUT("/momo/callback", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE)).code());
    }

    private long asked(Pushed pushed) {
        return fake.received(Endpoint.STATUS).stream().filter(r -> r.path().endsWith("/" + pushed.referenceId())).count();
    }

    @SuppressWarnings("unchecked")
    private List<String> pendingTooLong() {
        Map<String, Object> reconciliation = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/payments/reconciliation")
                .bearerAuth(tokens.bearer("rita.reception", Role.RECEPTIONIST)), Argument.mapOf(String.class, Object.class));
        return ((List<Map<String, Object>>) reconciliation.get("pendingTooLong")).stream().map(r -> (String) r.get("id")).toList();
    }

    private Document request(Pushed pushed) {
        return store.collection(PushRequests.COLLECTION).find(eq("_id", pushed.requestId())).first();
    }

    private List<String> texts(Pushed pushed) {
        return PaymentSmsSent.to(store, pushed.patient().id());
    }
}
