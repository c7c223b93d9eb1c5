package org.afyadial.payments.mpesa;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Language;
import org.afyadial.patients.Patient;
import org.afyadial.patients.PatientService;
import org.afyadial.payments.Bill;
import org.afyadial.payments.BillService;
import org.afyadial.payments.BillStatus;
import org.afyadial.payments.DueChecks;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentLedger;
import org.afyadial.payments.PaymentSmsSent;
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A patient on Safaricom pays from the USSD menu with M-Pesa, Daraja played by a local fake: the STK push it gets,
 * its callback through HTTP, and the STK query that settles a request whose callback got lost, with the late
 * callback then making no second payment.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpesaJourneyTest implements TestPropertyProvider {

    private static final AtomicInteger PATIENTS = new AtomicInteger();
    /** The defaults of {@code PAYMENT_PENDING_CHECK_AFTER} and {@code PAYMENT_RECEIPT_CODE_WAIT}. */
    private static final Duration CHECK_AFTER = Duration.ofMinutes(2);
    private static final Duration RECEIPT_CODE_WAIT = Duration.ofMinutes(5);
    /** The default of {@code PAYMENT_PENDING_TIMEOUT}. */
    private static final Duration PENDING_TIMEOUT = Duration.ofMinutes(10);

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

    @Inject
    DueChecks dueChecks;

    @Inject
    PatientService patients;

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

    /**
     * The STK query, asked by the pending-request checks, tells a success; neither the STK callback nor the paybill's
     * C2B confirmation brings the M-Pesa code within {@code PAYMENT_RECEIPT_CODE_WAIT}: the receipt goes without it,
     * in the patient's language, and the code coming later sends no second receipt.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "en | received KES 800 for bill %s. Bill paid, balance KES 0. Thank you.",
            "fr | KES 800 recus pour la facture %s. Facture payee, solde KES 0. Merci.",
            "sw | tumepokea KES 800 kwa bili %s. Bili imelipwa, salio KES 0. Asante."})
    void aSuccessOnlyTheQueryToldIsReceiptedWithoutItsCodeAfterTheWait(Language language, String expected) {
        Patient patient = clinic.patient("Gathoni", "+2547110005%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));
        String checkout = payNow(patient);
        patients.setLanguage(patient.id(), language, Channel.STAFF);
        daraja.resultOf(checkout, 0);

        clock.advance(CHECK_AFTER.plusSeconds(1));
        dueChecks.run();
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status(), "the query's success pays the bill");
        assertEquals(List.of(), PaymentSmsSent.to(store, patient.id()), "the receipt waits for the M-Pesa code");
        clock.advance(RECEIPT_CODE_WAIT.minusSeconds(1));
        dueChecks.run();
        assertEquals(List.of(), PaymentSmsSent.to(store, patient.id()), "still within the wait");

        clock.advance(Duration.ofSeconds(1));
        dueChecks.run();
        dueChecks.run();
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().endsWith(expected.formatted(bill.reference())), texts.getFirst());

        String receipt = "QKR%07dZ".formatted(PATIENTS.get());
        tell(Word.CALLBACK, checkout, receipt, bill);
        tell(Word.C2B, checkout, receipt, bill);
        dueChecks.run();
        assertEquals(texts, PaymentSmsSent.to(store, patient.id()), "one receipt per payment");
        List<Document> payments = paymentsFor(bill);
        assertEquals(1, payments.size(), payments.toString());
        assertEquals(receipt, payments.getFirst().getString("receiptCode"), "the code is kept for the clinic");
        assertEquals(1, bills.get(bill.id()).version(), "the bill changed once");
    }

    @Test
    void aCodeComingWithinTheWaitIsOnTheOneReceipt() {
        Patient patient = clinic.patient("Hawi", "+2547110005%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));
        String checkout = payNow(patient);
        daraja.resultOf(checkout, 0);
        clock.advance(CHECK_AFTER.plusSeconds(1));
        dueChecks.run();
        assertEquals(List.of(), PaymentSmsSent.to(store, patient.id()));

        String receipt = "QKS%07dZ".formatted(PATIENTS.get());
        tell(Word.C2B, checkout, receipt, bill);
        clock.advance(RECEIPT_CODE_WAIT);
        dueChecks.run();

        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("received KES 800 for bill " + bill.reference() + ", code " + receipt), texts.getFirst());
    }

    /**
     * Daraja may call back before its answer to the STK push, with the CheckoutRequestID, is stored on the push
     * request; the callback may come again. Whatever the order: one payment, applied to the bill once, one receipt,
     * the request SUCCEEDED and nothing left unmatched.
     */
    @ParameterizedTest(name = "callback {0} the push''s answer, then {1} more")
    @CsvSource({"before, 0", "before, 1", "after, 1"})
    void anStkCallbackPaysTheBillOnceWhetherItCameBeforeOrAfterThePushsAnswer(String when, int repeats) {
        Patient patient = clinic.patient("Imani", "+2547110006%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));
        String receipt = "QKE%07dW".formatted(PATIENTS.get());
        if (when.equals("before")) {
            daraja.callBackBeforeAnswering(server.getURI(), 0, receipt);
        }
        String checkout = payNow(patient);
        for (int callback = when.equals("before") ? 0 : -1; callback < repeats; callback++) {
            tell(Word.CALLBACK, checkout, receipt, bill);
        }

        List<Document> payments = store.collection("payments").find(eq("transactionId", checkout)).into(new ArrayList<>());
        assertEquals(1, payments.size(), payments.toString());
        assertEquals(bill.id(), payments.getFirst().getString("billId"));
        assertTrue(payments.getFirst().getBoolean("applied"), payments.toString());
        assertNull(payments.getFirst().getString("review"), "nothing left unmatched");
        assertEquals("SUCCEEDED", request(bill).getString("status"));
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
        assertEquals(1, bills.get(bill.id()).version(), "the bill changed once");
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("received KES 800 for bill " + bill.reference() + ", code " + receipt), texts.getFirst());
    }

    /**
     * A failure Daraja calls back before its answer to the STK push is stored ends the request all the same: the
     * bill stays unpaid, the patient is told why, once, and the query and timeout that follow change nothing.
     */
    @ParameterizedTest(name = "ResultCode {0} → {1}, ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "1032 | FAILED    | was cancelled",
            "1    | FAILED    | failed: not enough funds",
            "1037 | TIMED_OUT | timed out"})
    void anStkFailureCalledBackBeforeThePushsAnswerEndsTheRequestAndSaysWhy(int resultCode, String status, String why) {
        Patient patient = clinic.patient("Jabali", "+2547110007%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));
        daraja.callBackBeforeAnswering(server.getURI(), resultCode, null);
        String checkout = payNow(patient);

        assertEquals(status, request(bill).getString("status"));
        daraja.resultOf(checkout, resultCode);
        clock.advance(PENDING_TIMEOUT.plusSeconds(1));
        dueChecks.run();
        assertEquals(status, request(bill).getString("status"));
        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains(why), texts.getFirst());
        assertEquals(bill.id(), store.collection("payments").find(eq("requestId", checkout)).first().getString("billId"));
    }

    /** The three ways Daraja tells of an STK payment on the clinic's paybill. */
    enum Word { CALLBACK, QUERY, C2B }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CALLBACK C2B", "C2B CALLBACK", "QUERY C2B", "C2B QUERY", "QUERY CALLBACK", "CALLBACK QUERY",
            "CALLBACK QUERY C2B", "CALLBACK C2B QUERY", "QUERY CALLBACK C2B", "QUERY C2B CALLBACK", "C2B CALLBACK QUERY",
            "C2B QUERY CALLBACK"})
    void oneStkPaymentIsOnePaymentWhateverToldOfItAndInWhateverOrder(String order) {
        Patient patient = clinic.patient("Daudi", "+2547110004%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));
        String checkout = payNow(patient);
        String receipt = "QKJ%07dX".formatted(PATIENTS.get());

        for (String word : order.split(" ")) {
            tell(Word.valueOf(word), checkout, receipt, bill);
        }

        List<Document> payments = paymentsFor(bill);
        assertEquals(1, payments.size(), "one payment: " + payments);
        assertEquals(receipt, payments.getFirst().getString("receiptCode"));
        assertEquals(80_000L, payments.getFirst().getLong("amount"));
        assertNull(payments.getFirst().getString("review"), "nothing held for review");
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
        assertEquals(1, bills.get(bill.id()).version(), "the bill changed once");
        List<String> texts = PaymentSmsSent.to(store, patient.id());
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().contains("received KES 800 for bill " + bill.reference() + ", code " + receipt), texts.getFirst());
    }

    @Test
    void paybillMoneyOfItsOwnForABillAPushPaidIsKeptApartForReview() {
        Patient patient = clinic.patient("Esther", "+2547110004%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));
        String checkout = payNow(patient);

        tell(Word.CALLBACK, checkout, "QKA1111111", bill);
        tell(Word.C2B, checkout, "QKB2222222", bill);

        List<Document> payments = paymentsFor(bill);
        assertEquals(2, payments.size(), payments.toString());
        Document second = payments.stream().filter(p -> "QKB2222222".equals(p.getString("receiptCode"))).findFirst().orElseThrow();
        assertEquals("OVERPAID", second.getString("review"));
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
    }

    @Test
    void whenPaybillMoneyOfItsOwnCameBetweenTheQueryAndTheCallbackBothAreKept() {
        Patient patient = clinic.patient("Faith", "+2547110004%02d".formatted(PATIENTS.incrementAndGet()));
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));
        String checkout = payNow(patient);

        tell(Word.QUERY, checkout, null, bill);
        tell(Word.C2B, checkout, "QKC3333333", bill);
        tell(Word.CALLBACK, checkout, "QKD4444444", bill);

        List<Document> payments = paymentsFor(bill);
        assertEquals(2, payments.size(), "the push's money and the paybill's: " + payments);
        assertEquals(List.of("OVERPAID"), payments.stream().map(p -> p.getString("review")).filter(Objects::nonNull).toList());
        assertEquals(60_000L, payments.stream().mapToLong(p -> p.getLong("amount")).sum());
    }

    private void tell(Word word, String checkout, String receipt, Bill bill) {
        switch (word) {
            case CALLBACK -> assertEquals(200, daraja.callBack(server.getURI(), 0, receipt));
            case QUERY -> {
                daraja.resultOf(checkout, 0);
                ledger.record(mpesa.check(checkout).orElseThrow());
            }
            case C2B -> assertEquals(200, http.toBlocking().exchange(HttpRequest.POST("/mpesa/c2b/confirmation?token=s3cret", """
                    {"TransactionType":"Pay Bill Online","TransID":"%s","TransTime":"20261120091500","TransAmount":"%s",
                    "BusinessShortCode":"174379","BillRefNumber":"%s","InvoiceNumber":"","OrgAccountBalance":"","ThirdPartyTransID":"",
                    "MSISDN":"254711000999","FirstName":"Daudi"}""".formatted(receipt, Money.major(bill.amountDue(), "KES"),
                    bill.reference())).contentType(MediaType.APPLICATION_JSON_TYPE)).code());
        }
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

    private Document request(Bill bill) {
        return store.collection("payment_requests").find(eq("billId", bill.id())).first();
    }

    private List<Document> paymentsFor(Bill bill) {
        return store.collection("payments").find(eq("billId", bill.id())).into(new ArrayList<>());
    }
}
