package org.afyadial.payments.mpesa;

import io.micronaut.context.BeanProvider;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.afyadial.payments.CallbackUrls;
import org.afyadial.payments.PaymentProvider;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;
import org.afyadial.payments.PushPayments;
import org.afyadial.payments.mpesa.DarajaApi.DarajaUnavailable;
import org.afyadial.payments.mpesa.DarajaApi.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * M-Pesa's push prompt, Lipa na M-Pesa Online ("M-Pesa Express" in Safaricom's Daraja documentation,
 * developer.safaricom.co.ke/apis/MpesaExpressSimulate and MpesaExpressQuery): an STK push to the payer's phone for
 * the clinic's paybill with the bill's reference as account, its result called back to {@code /mpesa/stk/callback},
 * and the STK query for a request whose callback got lost. M-Pesa moves whole shillings only: a balance with cents
 * is refused rather than rounded, as rounding up would overpay the bill (kept for review, not applied) and rounding
 * down would leave cents no prompt can collect; the desk takes such a bill.
 */
@Singleton
class MpesaProvider implements PaymentProvider {

    private static final Logger LOG = LoggerFactory.getLogger(MpesaProvider.class);

    private static final String STK_PUSH = "/mpesa/stkpush/v1/processrequest";
    private static final String STK_QUERY = "/mpesa/stkpushquery/v1/query";
    private static final String PAYBILL = "CustomerPayBillOnline";
    /** Where Daraja posts the STK push's result ({@link MpesaCallbackController}). */
    private static final String STK_CALLBACK_PATH = "/mpesa/stk/callback";
    /** Daraja's timestamps are Kenyan local time. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Africa/Nairobi"));
    /** Safaricom numbers as Daraja writes them: 2547… and 2541…. */
    private static final Pattern SAFARICOM_MSISDN = Pattern.compile("254[17]\\d{8}");
    /** Daraja takes at most 12 characters of AccountReference and 13 of TransactionDesc. */
    private static final int REFERENCE_MAX = 12;
    private static final int DESCRIPTION_MAX = 13;

    @Serdeable
    record StkPush(long BusinessShortCode, String Password, String Timestamp, String TransactionType, long Amount,
                   long PartyA, long PartyB, long PhoneNumber, String CallBackURL, String AccountReference, String TransactionDesc) {
    }

    @Serdeable
    record StkQuery(long BusinessShortCode, String Password, String Timestamp, String CheckoutRequestID) {
    }

    private final MpesaSettings settings;
    /** Empty while {@code PUBLIC_BASE_URL} is unset: Daraja could not reach the result, so M-Pesa is not offered. */
    private final Optional<String> stkCallbackUrl;
    private final DarajaApi daraja;
    private final BeanProvider<PushPayments> pushPayments;
    private final Clock clock;

    /** {@link PushPayments} chooses among the providers, so it is looked up when first needed rather than injected. */
    MpesaProvider(MpesaSettings settings, CallbackUrls callbackUrls, DarajaApi daraja, BeanProvider<PushPayments> pushPayments,
                  Clock clock) {
        this.settings = settings;
        this.stkCallbackUrl = callbackUrls.of(STK_CALLBACK_PATH);
        this.daraja = daraja;
        this.pushPayments = pushPayments;
        this.clock = clock;
    }

    @Override
    public Provider id() {
        return Provider.MPESA;
    }

    @Override
    public boolean configured() {
        return settings.configured() && stkCallbackUrl.isPresent();
    }

    @Override
    public String push(PushPrompt prompt) {
        long shillings = wholeShillings(prompt);
        long payer = msisdn(prompt.phone());
        String timestamp = TIMESTAMP.format(clock.instant());
        long shortcode = shortcode();
        StkPush body = new StkPush(shortcode, password(timestamp), timestamp, PAYBILL, shillings, payer, shortcode, payer,
                stkCallbackUrl.orElseThrow(), clip(prompt.billReference(), REFERENCE_MAX), clip("Bill " + prompt.billReference(), DESCRIPTION_MAX));
        Reply reply;
        try {
            reply = daraja.post(STK_PUSH, body);
        } catch (DarajaUnavailable e) {
            throw new PushRefused("M-Pesa unavailable: " + e.getMessage());
        }
        if (!reply.accepted() || reply.CheckoutRequestID() == null) {
            throw new PushRefused("M-Pesa refused the STK push: " + reply.why());
        }
        return reply.CheckoutRequestID();
    }

    @Override
    public Optional<PaymentResult> check(String checkoutRequestId) {
        String timestamp = TIMESTAMP.format(clock.instant());
        Reply reply;
        try {
            reply = daraja.post(STK_QUERY, new StkQuery(shortcode(), password(timestamp), timestamp, checkoutRequestId));
        } catch (DarajaUnavailable e) {
            LOG.warn("STK query for {} not answered ({}): asked again later", checkoutRequestId, e.getMessage());
            return Optional.empty();
        }
        OptionalInt resultCode = reply.resultCode();
        if (resultCode.isEmpty()) {
            LOG.info("STK query for {}: no result yet ({})", checkoutRequestId, reply.why());
            return Optional.empty();
        }
        if (!StkResults.succeeded(resultCode.getAsInt())) {
            return Optional.of(StkResults.failed(checkoutRequestId, resultCode.getAsInt()));
        }
        // the query does not repeat the amount: an STK push moves exactly what it asked for
        return pushPayments.get().amountRequested(Provider.MPESA, checkoutRequestId)
                .map(amount -> StkResults.paid(checkoutRequestId, amount, null, null));
    }

    /** Password = base64(shortcode + passkey + timestamp). */
    private String password(String timestamp) {
        String plain = settings.shortcode() + settings.passkey() + timestamp;
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private long shortcode() {
        return Long.parseLong(settings.shortcode().strip());
    }

    private static long wholeShillings(PushPrompt prompt) {
        if (!StkResults.CURRENCY.equals(prompt.currency())) {
            throw new PushRefused("M-Pesa takes KES only, the bill is in " + prompt.currency());
        }
        BigDecimal shillings = BigDecimal.valueOf(prompt.amount(), Currency.getInstance(StkResults.CURRENCY).getDefaultFractionDigits());
        try {
            return shillings.longValueExact();
        } catch (ArithmeticException e) {
            throw new PushRefused("M-Pesa moves whole shillings only; the balance has cents");
        }
    }

    private static long msisdn(String phone) {
        String digits = phone.replaceFirst("^\\+", "");
        if (!SAFARICOM_MSISDN.matcher(digits).matches()) {
            throw new PushRefused("not a Safaricom mobile number");
        }
        return Long.parseLong(digits);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
