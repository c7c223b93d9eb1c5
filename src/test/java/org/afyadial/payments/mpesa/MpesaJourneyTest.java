package org.afyadial.payments.mpesa;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import org.afyadial.payments.PaymentLedger;
import org.afyadial.payments.PaymentSmsSent;
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patient on Safaricom pays from the USSD menu with M-Pesa, Daraja played by a local fake: the STK push it gets,
 * its callback through HTTP, and the STK query that settles a request whose callback got lost, with the late
 * callback then making no second payment.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpesaJourneyTest implements TestPropertyProvider {

    private final FakeDaraja daraja = new FakeDaraja();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    ClinicFixture clinic;

    @Inject
    BillService bills;

    @Inject
    MpesaProvider mpesa;

    @Inject
    PaymentLedger ledger;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        return daraja.properties();
    }

    @AfterAll
    void stopDaraja() {
        daraja.close();
    }

    @Test
    void payNowSendsAnStkPushAndItsCallbackPaysTheBill() {
        Patient patient = clinic.patient("Achieng", "+254711000301");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 150_000L)));

        payNow(patient);
        Map<String, Object> push = daraja.pushes().getLast();
        assertEquals(bill.reference(), push.get("AccountReference"));
        assertEquals(1500, ((Number) push.get("Amount")).intValue());
        assertEquals(254711000301L, ((Number) push.get("PhoneNumber")).longValue());

        assertEquals(200, daraja.callBack(server.getURI(), 0, "QKH94M1Z11"));
        assertEquals(200, daraja.callBack(server.getURI(), 0, "QKH94M1Z11"), "a repeated callback is answered too");

        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("received KES 1500 for bill " + bill.reference()), texts.getFirst());
        assertTrue(texts.getFirst().contains("QKH94M1Z11"), texts.getFirst());
        assertEquals(1, paymentsFor(bill).size());
    }

    @Test
    void aLostCallbackIsMadeUpByTheQueryAndTheLateCallbackIsTheSamePayment() {
        Patient patient = clinic.patient("Barasa", "+254711000302");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));
        String checkout = payNow(patient);

        assertEquals(Optional.empty(), mpesa.check(checkout), "still being processed");
        daraja.resultOf(checkout, 0);
        ledger.record(mpesa.check(checkout).orElseThrow());
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());

        assertEquals(200, daraja.callBack(server.getURI(), 0, "QLT55X2A90"));
        List<Document> payments = paymentsFor(bill);
        assertEquals(1, payments.size(), "one payment for the query's word and the callback's");
        assertEquals("QLT55X2A90", payments.getFirst().getString("receiptCode"), "the receipt the callback brought is kept");
        assertEquals(80_000L, payments.getFirst().getLong("amount"));
        assertEquals(1, PaymentSmsSent.to(store, patient.id()).size());
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
    }

    @Test
    void aCancelledPromptLearntFromTheQueryLeavesTheBillUnpaidAndSaysWhy() {
        Patient patient = clinic.patient("Chebet", "+254711000303");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));
        String checkout = payNow(patient);

        daraja.resultOf(checkout, 1032);
        ledger.record(mpesa.check(checkout).orElseThrow());

        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertTrue(texts.getFirst().contains("was cancelled"), texts.toString());
    }

    /** Pay now on the first bill; answers the CheckoutRequestID Daraja gave the push. */
    private String payNow(Patient patient) {
        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone(), "/at/ussd?token=s3cret");
        phone.dial();
        assertTrue(phone.type("5").startsWith("CON Bills to pay:\n1. B"));
        phone.type("1");
        String end = phone.type("1");
        assertTrue(end.startsWith("END Approve the prompt on your phone"), end);
        return daraja.checkoutOf(daraja.pushes().getLast());
    }

    private List<Document> paymentsFor(Bill bill) {
        return store.collection("payments").find(eq("billId", bill.id())).into(new ArrayList<>());
    }
}
