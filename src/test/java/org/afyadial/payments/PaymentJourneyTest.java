package org.afyadial.payments;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.appointments.AppointmentService;
import org.afyadial.doctors.Doctor;
import org.afyadial.patients.Channel;
import org.afyadial.patients.Patient;
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The patient's side through HTTP: Payments on the USSD menu, the development provider's prompt answered on the
 * simulator's phone, a transaction code named for money already sent, and the SMS each outcome queues.
 */
@MicronautTest(transactional = false)
class PaymentJourneyTest {

    private static final Instant FRIDAY_9AM = Instant.parse("2026-11-20T06:00:00Z");
    private static final Instant MONDAY_9AM = Instant.parse("2026-11-23T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ClinicFixture clinic;

    @Inject
    AppointmentService appointments;

    @Inject
    BillService bills;

    @Inject
    PaymentLedger ledger;

    @Inject
    Store store;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Test
    void aBookedVisitIsPaidByApprovingThePromptOnThePhone() {
        Doctor doctor = clinic.doctor("Prompted", "Payment Medicine", "dr.prompted");
        Patient patient = clinic.patient("Halima", "+254711000201");
        appointments.book(patient.id(), doctor.id(), MONDAY_9AM, null, Channel.USSD);

        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone());
        phone.dial();
        assertTrue(phone.type("5").startsWith("CON Bills to pay:\n1. B"));
        assertTrue(phone.type("1").contains("KES 1500 to pay.\n1. Pay now\n2. I already paid"));
        assertTrue(phone.type("1").startsWith("END Approve the prompt on your phone to pay KES 1500"));

        List<Map<String, Object>> prompts = prompts(patient.phone());
        assertEquals(1, prompts.size());
        assertEquals("KES 1500", prompts.get(0).get("amount"));
        assertEquals(204, answer(prompts.get(0), "approve").code());

        Bill bill = bills.list(patient.id(), null).get(0);
        assertEquals(BillStatus.PAID, bill.status());
        assertEquals(List.of(), prompts(patient.phone()));
        List<String> texts = texts(patient.id());
        assertEquals(1, texts.size());
        assertTrue(texts.get(0).contains("received KES 1500 for bill " + bill.reference()), texts.get(0));
    }

    @Test
    void theSimulatorPageShowsThePrompt() {
        assertTrue(http.toBlocking().retrieve("/simulator").contains("/simulator/payments.js"));
        assertTrue(http.toBlocking().retrieve("/simulator/payments.js").contains("Enter PIN"));
    }

    @Test
    void aDeclinedPromptLeavesTheBillUnpaidAndSaysWhy() {
        Patient patient = clinic.patient("Imani", "+254711000202");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));

        payNow(patient);
        answer(prompts(patient.phone()).get(0), "decline");

        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        assertTrue(texts(patient.id()).get(0).contains("was cancelled. Nothing was taken"), texts(patient.id()).get(0));
    }

    @Test
    void anIgnoredPromptTimesOutAndSaysSo() {
        Patient patient = clinic.patient("Jabari", "+254711000203");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("X-ray", 80_000L)));

        payNow(patient);
        answer(prompts(patient.phone()).get(0), "ignore");

        assertEquals(BillStatus.UNPAID, bills.get(bill.id()).status());
        assertTrue(texts(patient.id()).get(0).contains("timed out"), texts(patient.id()).get(0));
    }

    @Test
    void aTransactionCodeSettlesOneBillOnly() {
        Patient patient = clinic.patient("Kioko", "+254711000204");
        Bill first = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));
        ledger.record(new PaymentResult(Provider.MPESA, "QKH94M1Z11", null, null, "+254799999999", 30_000L, "KES", "QKH94M1Z11", null));
        clock.advance(Duration.ofMinutes(1));
        Bill second = bills.create(patient.id(), List.of(new Bill.Line("Pharmacy", 30_000L)));

        // newest first: the second bill is 1, the first 2
        assertTrue(claim(patient, "2", "qkh 94m1 z11").startsWith("END Thank you: your payment is recorded on bill " + first.reference()));
        assertEquals(BillStatus.PAID, bills.get(first.id()).status());

        assertTrue(claim(patient, "1", "QKH94M1Z11").startsWith("END This code was already used for a bill."));
        assertEquals(BillStatus.UNPAID, bills.get(second.id()).status());
    }

    @Test
    void aClaimedCodeWaitsForItsMoneyAndSettlesWhenItArrives() {
        Patient patient = clinic.patient("Lulu", "+254711000205");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));

        assertTrue(claim(patient, "1", "QAW41T0001").startsWith("END Thank you. Your code awaits confirmation"));
        clock.advance(Duration.ofMinutes(1));
        Bill other = bills.create(patient.id(), List.of(new Bill.Line("Lab", 30_000L)));
        assertTrue(claim(patient, "1", "QAW41T0001").startsWith("END This code was already used"));

        ledger.record(new PaymentResult(Provider.MPESA, "QAW41T0001", null, null, "+254799999999", 30_000L, "KES", "QAW41T0001", null));
        assertEquals(BillStatus.PAID, bills.get(bill.id()).status());
        assertEquals(BillStatus.UNPAID, bills.get(other.id()).status());
    }

    private void payNow(Patient patient) {
        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone());
        phone.dial();
        phone.type("5");
        phone.type("1");
        assertTrue(phone.type("1").startsWith("END Approve the prompt"));
    }

    private String claim(Patient patient, String billChoice, String code) {
        UssdPhone phone = new UssdPhone(http.toBlocking(), patient.phone());
        phone.dial();
        phone.type("5");
        phone.type(billChoice);
        assertTrue(phone.type("2").startsWith("CON Enter the transaction code"));
        return phone.type(code);
    }

    private List<Map<String, Object>> prompts(String phone) {
        return http.toBlocking().retrieve(HttpRequest.GET("/simulator/payments/prompts?phone=" + phone.replace("+", "%2B")),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private HttpResponse<?> answer(Map<String, Object> prompt, String answer) {
        return http.toBlocking().exchange(HttpRequest.POST("/simulator/payments/prompts/" + prompt.get("id") + "/" + answer, ""));
    }

    private List<String> texts(String patientId) {
        return PaymentSmsSent.to(store, patientId);
    }
}
