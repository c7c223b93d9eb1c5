package org.afyadial.payments.mpesa;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.patients.Patient;
import org.afyadial.payments.Bill;
import org.afyadial.payments.BillService;
import org.afyadial.payments.Failure;
import org.afyadial.payments.PaymentProvider.PushPrompt;
import org.afyadial.payments.PaymentProvider.PushRefused;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.PushPayments;
import org.afyadial.payments.mpesa.FakeDaraja.Trouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Daraja adapter against a local fake of Daraja: what it sends, how it keeps its token, how it reads failures. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MpesaProviderTest implements TestPropertyProvider {

    private static final String PHONE = "+254708374149";

    private final FakeDaraja daraja = new FakeDaraja();
    private static final Instant FRIDAY_9AM_IN_NAIROBI = Instant.parse("2026-11-20T06:00:00Z");

    private final MovableClock clock = new MovableClock(FRIDAY_9AM_IN_NAIROBI);

    @Inject
    MpesaProvider mpesa;

    @Inject
    DarajaApi api;

    @Inject
    PushPayments pushPayments;

    @Inject
    BillService bills;

    @Inject
    ClinicFixture clinic;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(daraja.properties());
        properties.put("afyadial.mpesa.timeout", "2s");
        return properties;
    }

    @AfterAll
    void stopDaraja() {
        daraja.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        daraja.reset();
        api.breaker().reset();
        clock.set(FRIDAY_9AM_IN_NAIROBI);
    }

    @Test
    void theStkPushCarriesWhatDarajaDocuments() {
        String checkout = mpesa.push(new PushPrompt("req-1", PHONE, 50_000L, "KES", "B7K2Q"));

        Map<String, Object> push = daraja.pushes().getFirst();
        assertEquals(daraja.checkoutOf(push), checkout);
        String timestamp = "20261120090000";
        String passkey = daraja.properties().get("afyadial.mpesa.passkey");
        Map<String, Object> expected = Map.ofEntries(
                Map.entry("BusinessShortCode", 174379),
                Map.entry("Password", Base64.getEncoder().encodeToString(("174379" + passkey + timestamp).getBytes(StandardCharsets.UTF_8))),
                Map.entry("Timestamp", timestamp),
                Map.entry("TransactionType", "CustomerPayBillOnline"),
                Map.entry("Amount", 500),
                Map.entry("PartyA", 254708374149L),
                Map.entry("PartyB", 174379),
                Map.entry("PhoneNumber", 254708374149L),
                Map.entry("CallBackURL", "https://clinic.example/mpesa/stk/callback?token=s3cret"),
                Map.entry("AccountReference", "B7K2Q"),
                Map.entry("TransactionDesc", "Bill B7K2Q"));
        expected.forEach((field, value) -> assertEquals(value.toString(), String.valueOf(push.get(field)), field));
    }

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpiresAndRenewedOnceWhenRefused() {
        int before = daraja.tokensIssued();
        mpesa.push(new PushPrompt("req-2", PHONE, 10_000L, "KES", "B7K2R"));
        mpesa.push(new PushPrompt("req-3", PHONE, 10_000L, "KES", "B7K2R"));
        int afterFirst = daraja.tokensIssued();
        assertTrue(afterFirst - before <= 1, "one token at most for two pushes");

        clock.advance(Duration.ofSeconds(3599).minusSeconds(30));
        mpesa.push(new PushPrompt("req-4", PHONE, 10_000L, "KES", "B7K2R"));
        assertEquals(afterFirst + 1, daraja.tokensIssued(), "renewed before it expires");

        daraja.expireTokens(401);
        mpesa.push(new PushPrompt("req-5", PHONE, 10_000L, "KES", "B7K2R"));
        assertEquals(afterFirst + 2, daraja.tokensIssued(), "renewed once on a 401");
        assertEquals(4, daraja.pushes().size(), "the push refused with 401 went again, and only once");

        daraja.expireTokens(404);
        mpesa.push(new PushPrompt("req-6", PHONE, 10_000L, "KES", "B7K2R"));
        assertEquals(afterFirst + 3, daraja.tokensIssued(), "renewed once on Daraja's Invalid Access Token");
    }

    @ParameterizedTest(name = "{0} → refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP_500       | M-Pesa unavailable: HTTP 500
            MALFORMED_JSON | M-Pesa unavailable: unreadable answer (HTTP 200)
            HANG           | M-Pesa unavailable: unreachable
            REFUSED        | M-Pesa refused the STK push: ResponseCode 1 Rejected: payer … not allowed
            """)
    void darajaFailuresRefuseThePushWithAReasonAndNoPhoneNumber(Trouble trouble, String reason) {
        daraja.next(trouble);
        PushRefused refused = assertThrows(PushRefused.class, () -> mpesa.push(new PushPrompt("req-6", PHONE, 10_000L, "KES", "B7K2S")));
        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
        assertFalse(refused.getMessage().contains("254708374149"), refused.getMessage());
    }

    @Test
    void whileDarajaKeepsFailingPushesAreRefusedWithoutCallingIt() {
        for (int i = 0; i < 5; i++) {
            daraja.next(Trouble.HTTP_500);
            assertThrows(PushRefused.class, () -> mpesa.push(new PushPrompt("req-8", PHONE, 10_000L, "KES", "B7K2U")));
        }
        PushRefused refused = assertThrows(PushRefused.class, () -> mpesa.push(new PushPrompt("req-9", PHONE, 10_000L, "KES", "B7K2U")));
        assertEquals("M-Pesa unavailable: M-Pesa keeps failing; not asked again for now", refused.getMessage());
        assertEquals(5, daraja.pushes().size());

        clock.advance(Duration.ofSeconds(31));
        mpesa.push(new PushPrompt("req-10", PHONE, 10_000L, "KES", "B7K2U"));
        assertEquals(6, daraja.pushes().size(), "tried again once the breaker's wait is over");
    }

    @ParameterizedTest(name = "{1} {2} to {0} → {3}")
    @CsvSource(delimiter = '|', textBlock = """
            +254708374149 | 50050 | KES | M-Pesa moves whole shillings only
            +254708374149 | 50000 | UGX | M-Pesa takes KES only
            +256772123456 | 50000 | KES | not a Safaricom mobile number
            """)
    void whatMpesaCannotTakeIsRefusedWithoutCallingDaraja(String phone, long amount, String currency, String reason) {
        PushRefused refused = assertThrows(PushRefused.class, () -> mpesa.push(new PushPrompt("req-7", phone, amount, currency, "B7K2T")));
        assertTrue(refused.getMessage().startsWith(reason), refused.getMessage());
        assertEquals(List.of(), daraja.pushes());
    }

    @Test
    void theQueryReadsTheResultWithTheCallbacksTable() {
        Patient patient = clinic.patient("Wanjiru", "+254708374150");
        Bill bill = bills.create(patient.id(), List.of(new Bill.Line("Consultation", 70_000L)));
        assertEquals(PushPayments.Started.SENT, pushPayments.start(bill.id(), patient.id(), patient.phone(), "63902"));
        String checkout = daraja.checkoutOf(daraja.pushes().getFirst());

        assertEquals(Optional.empty(), mpesa.check(checkout), "still being processed");
        daraja.next(Trouble.HTTP_500);
        assertEquals(Optional.empty(), mpesa.check(checkout), "Daraja failing: asked again later");
        daraja.next(Trouble.MALFORMED_JSON);
        assertEquals(Optional.empty(), mpesa.check(checkout), "unreadable: asked again later");

        daraja.resultOf(checkout, 1032);
        assertEquals(Optional.of(StkResults.failed(checkout, 1032)), mpesa.check(checkout));
        assertEquals(Failure.CANCELLED, mpesa.check(checkout).orElseThrow().failure());

        daraja.resultOf(checkout, 0);
        PaymentResult paid = mpesa.check(checkout).orElseThrow();
        assertEquals(StkResults.paid(checkout, 70_000L, null, null), paid);

        Map<String, Object> query = daraja.queries().getLast();
        assertEquals(checkout, query.get("CheckoutRequestID"));
        assertEquals("174379", String.valueOf(query.get("BusinessShortCode")));
        assertEquals("20261120090000", query.get("Timestamp"));
    }

    @ParameterizedTest(name = "ResultCode {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1    | INSUFFICIENT_FUNDS
            1032 | CANCELLED
            1037 | TIMED_OUT
            1019 | TIMED_OUT
            2001 | REFUSED
            """)
    void resultCodesMeanWhatTheCallbackSays(int resultCode, Failure failure) {
        assertEquals(failure, StkResults.failed("ws_CO_1", resultCode).failure());
    }
}
