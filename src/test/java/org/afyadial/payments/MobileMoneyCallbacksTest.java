package org.afyadial.payments;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.AllAtOnce;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.patients.Patient;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The providers' callbacks with raw payloads in their wire formats (Daraja STK and C2B, AT payment notifications):
 * the answer the provider gets, and what the bill, the payments and the patient's SMS show afterwards.
 */
@MicronautTest(transactional = false)
class MobileMoneyCallbacksTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-20T06:00:00Z"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ClinicFixture clinic;

    @Inject
    BillService bills;

    @Inject
    PushRequests requests;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @ParameterizedTest(name = "STK ResultCode {0} → bill {1}, SMS ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            0    | PAID   | received KES 500 for bill
            1    | UNPAID | not enough funds
            1032 | UNPAID | was cancelled
            1037 | UNPAID | timed out
            2001 | UNPAID | was refused by the provider
            """)
    void stkResults(int resultCode, BillStatus expected, String sms) {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        String checkout = "ws_CO_" + bill.id();
        requests.identify(requests.insert(Provider.MPESA, bill, patient.phone(), clock.instant()).id(), checkout);
        String metadata = resultCode != 0 ? "" : """
                ,"CallbackMetadata":{"Item":[{"Name":"Amount","Value":500.00},{"Name":"MpesaReceiptNumber","Value":"R%s"},
                {"Name":"TransactionDate","Value":20261120091500},{"Name":"PhoneNumber","Value":254708374149}]}""".formatted(bill.reference());
        String answer = post("/mpesa/stk/callback", """
                {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s","ResultCode":%d,
                "ResultDesc":"The service request is processed."%s}}}""".formatted(checkout, resultCode, metadata));

        assertEquals("{\"ResultCode\":\"0\",\"ResultDesc\":\"Accepted\"}", answer);
        assertEquals(expected, bills.get(bill.id()).status());
        assertTrue(texts(patient.id()).get(0).contains(sms), texts(patient.id()).get(0));
    }

    @ParameterizedTest(name = "C2B validation of {0} for {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            KNOWN   | 500.00 | 0
            KNOWN   | 0      | C2B00013
            BZZZZ   | 500.00 | C2B00012
            """)
    void c2bValidation(String account, String amount, String resultCode) {
        Bill bill = bills.create(patient().id(), List.of(new Bill.Line("Lab", 50_000L)));
        String reference = account.equals("KNOWN") ? bill.reference().toLowerCase() : account;
        String answer = post("/mpesa/c2b/validation", c2b("QVAL" + bill.reference() + "X", amount, reference));
        assertTrue(answer.contains("\"ResultCode\":\"" + resultCode + "\""), answer);
    }

    @Test
    void c2bMoneyIsRecordedWhetherItNamesABillOrNot() {
        Patient patient = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Lab", 50_000L)));

        post("/mpesa/c2b/confirmation", c2b("QC2B" + bill.reference() + "1", "200.00", bill.reference()));
        post("/mpesa/c2b/confirmation", c2b("QC2B" + bill.reference() + "2", "300.00", "NOSUCHBILL"));

        assertEquals(30_000L, bills.get(bill.id()).balance());
        assertEquals(BillStatus.PARTIALLY_PAID, bills.get(bill.id()).status());
        Document stray = store.collection("payments").find(eq("transactionId", "QC2B" + bill.reference() + "2")).first();
        assertEquals("UNMATCHED", stray.getString("review"));
    }

    @Test
    void anAtNotificationDeliveredFiveTimesInterleavedIsOnePaymentOneBillChangeOneReceipt() {
        Patient patient = patient();
        Patient other = patient();
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        Bill otherBill = bills.create(other.id(), List.of(new Bill.Line("Consultation", 50_000L)));
        List<Callable<String>> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(() -> post("/at/payments/notification", atNotification("ATPid_" + bill.id(), bill.reference(), "KES 500.00")));
            deliveries.add(() -> post("/at/payments/notification", atNotification("ATPid_" + otherBill.id(), otherBill.reference(), "KES 200.00")));
        }
        Collections.shuffle(deliveries);

        AllAtOnce.run(deliveries);

        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
        assertEquals(1L, bills.get(bill.id()).version());
        assertEquals(BillStatus.PARTIALLY_PAID, bills.get(otherBill.id()).status());
        assertEquals(1L, bills.get(otherBill.id()).version());
        assertEquals(1, store.collection("payments").countDocuments(eq("transactionId", "ATPid_" + bill.id())));
        assertEquals(1, texts(patient.id()).size());
        assertEquals(1, texts(other.id()).size());
    }

    private Patient patient() {
        return clinic.patient("Payer", "+2547115%05d".formatted(PHONES.incrementAndGet()));
    }

    private static String c2b(String transId, String amount, String reference) {
        return """
                {"TransactionType":"Pay Bill","TransID":"%s","TransTime":"20261120091500","TransAmount":"%s",
                "BusinessShortCode":"600638","BillRefNumber":"%s","InvoiceNumber":"","OrgAccountBalance":"",
                "ThirdPartyTransID":"","MSISDN":"254708374149","FirstName":"John"}""".formatted(transId, amount, reference);
    }

    private static String atNotification(String transactionId, String reference, String value) {
        return """
                {"transactionId":"%s","category":"MobileC2B","provider":"Mpesa","providerRefId":"Q%s","providerChannel":"525900",
                "clientAccount":"%s","productName":"AfyaDial","sourceType":"PhoneNumber","source":"+254711082300",
                "destinationType":"Wallet","destination":"PaymentWallet","value":"%s","transactionFee":"KES 1.00",
                "providerFee":"KES 0.00","status":"Success","description":"Received Mobile C2B Payment",
                "transactionDate":"2026-11-20T09:15:00.000Z"}""".formatted(transactionId, transactionId.hashCode(), reference, value);
    }

    private String post(String path, String json) {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.POST(path, json)
                .contentType(MediaType.APPLICATION_JSON_TYPE), String.class);
        assertEquals(200, response.code());
        return response.body();
    }

    private List<String> texts(String patientId) {
        return PaymentSmsSent.to(store, patientId);
    }
}
