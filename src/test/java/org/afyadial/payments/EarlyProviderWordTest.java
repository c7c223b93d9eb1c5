package org.afyadial.payments;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.patients.Patient;
import org.afyadial.payments.PushRequests.PushRequest;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider's word on a push request that comes before the request knows the provider's id for it: recorded at
 * once (the money is never dropped), then matched to the request once it knows the id, exactly once whoever of the
 * push and the word gets there, and however many times at once.
 */
@MicronautTest(transactional = false)
class EarlyProviderWordTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    PushRequests requests;
    @Inject
    PaymentLedger ledger;
    @Inject
    PaymentDesk desk;
    @Inject
    PendingRequestChecks checks;
    @Inject
    PaymentSettings settings;
    @Inject
    BillService bills;
    @Inject
    ClinicFixture clinic;
    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aSuccessToldBeforeTheRequestKnewItsIdIsKeptThenAppliedOnceWhenItDoes() {
        Pushed pushed = push(80_000L);

        Payment early = ledger.record(paid("ws_CO_early1", "QKU1111111"));
        assertEquals(Review.UNMATCHED, early.review(), "kept, not dropped");
        assertFalse(early.applied());

        requests.identify(pushed.request().id(), "ws_CO_early1");
        List<Boolean> ended = AllAtOnce.run(4, () -> ledger.matchToRequest(Provider.MPESA, "ws_CO_early1"));

        assertEquals(1, ended.stream().filter(Boolean::booleanValue).count(), ended.toString());
        Document payment = store.collection("payments").find(eq("_id", early.id())).first();
        assertTrue(payment.getBoolean("applied"));
        assertEquals(pushed.bill().id(), payment.getString("billId"));
        assertNull(payment.getString("review"));
        assertEquals(BillStatus.PAID, bills.get(pushed.bill().id()).status());
        assertEquals(1, bills.get(pushed.bill().id()).version());
        assertEquals(PushRequests.Status.SUCCEEDED, requests.find(pushed.request().id()).orElseThrow().status());
        assertEquals(1, PaymentSmsSent.to(store, pushed.patient().id()).size());

        assertEquals(early.id(), ledger.record(paid("ws_CO_early1", "QKU1111111")).id(), "a repeated word is the same payment");
        assertEquals(1, bills.get(pushed.bill().id()).version());
    }

    @Test
    void theWordThatFindsTheRequestNamedMatchesItItself() {
        Pushed pushed = push(80_000L);
        requests.identify(pushed.request().id(), "ws_CO_early2");

        Payment payment = ledger.record(paid("ws_CO_early2", "QKU2222222"));

        assertTrue(payment.applied());
        assertFalse(ledger.matchToRequest(Provider.MPESA, "ws_CO_early2"), "nothing waits for the request");
        assertEquals(1, bills.get(pushed.bill().id()).version());
    }

    @Test
    void aMatchCutShortByACrashIsMadeByThePendingRequestChecks() {
        Pushed pushed = push(80_000L);
        ledger.record(paid("ws_CO_early5", "QKU5555555"));
        requests.identify(pushed.request().id(), "ws_CO_early5");

        clock.advance(settings.pendingCheckAfter().plusSeconds(1));
        checks.checkDue();

        assertEquals(PushRequests.Status.SUCCEEDED, requests.find(pushed.request().id()).orElseThrow().status());
        assertEquals(BillStatus.PAID, bills.get(pushed.bill().id()).status());
        assertEquals(1, PaymentSmsSent.to(store, pushed.patient().id()).size());
    }

    @Test
    void moneyStaffMatchedMeanwhileIsNotTakenBack() {
        Pushed pushed = push(80_000L);
        Payment early = ledger.record(paid("ws_CO_early3", "QKU3333333"));
        desk.match(early.id(), pushed.bill().id());

        requests.identify(pushed.request().id(), "ws_CO_early3");
        ledger.matchToRequest(Provider.MPESA, "ws_CO_early3");

        assertEquals(1, bills.get(pushed.bill().id()).version(), "applied once, by staff");
        assertEquals(BillStatus.PAID, bills.get(pushed.bill().id()).status());
    }

    @Test
    void aFailureToldBeforeTheRequestKnewItsIdEndsItOnceWhenItDoes() {
        Pushed pushed = push(30_000L);
        ledger.record(new PaymentResult(Provider.MPESA, "ws_CO_early4", "ws_CO_early4", null, null, 0, "KES", null, Failure.CANCELLED));
        assertEquals(PushRequests.Status.PENDING, requests.find(pushed.request().id()).orElseThrow().status());

        requests.identify(pushed.request().id(), "ws_CO_early4");
        List<Boolean> ended = AllAtOnce.run(4, () -> ledger.matchToRequest(Provider.MPESA, "ws_CO_early4"));

        assertEquals(1, ended.stream().filter(Boolean::booleanValue).count(), ended.toString());
        assertEquals(PushRequests.Status.FAILED, requests.find(pushed.request().id()).orElseThrow().status());
        assertEquals(BillStatus.UNPAID, bills.get(pushed.bill().id()).status());
        List<String> texts = PaymentSmsSent.to(store, pushed.patient().id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("was cancelled"), texts.getFirst());
    }

    private static PaymentResult paid(String checkoutRequestId, String receipt) {
        return new PaymentResult(Provider.MPESA, checkoutRequestId, checkoutRequestId, null, null, 80_000L, "KES", receipt, null);
    }

    private record Pushed(Patient patient, Bill bill, PushRequest request) {
    }

    /** A new patient's bill of {@code amount} and an M-Pesa push request for it, not yet named by Daraja. */
    private Pushed push(long amount) {
        Patient patient = clinic.patient("Kamau", "+2547112%05d".formatted(PHONES.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", amount)));
        return new Pushed(patient, bill, requests.insert(Provider.MPESA, bill, patient.phone(), clock.instant()));
    }
}
