package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentProvider;
import org.afyadial.payments.ProviderHttpClients;
import org.afyadial.payments.Provider;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * AT's mobile checkout, as AT's payments documentation describes it (developers.africastalking.com, "Payments /
 * Mobile Checkout"): {@code POST /mobile/checkout/request} with the {@code apiKey} header and JSON
 * {@code {username, productName, phoneNumber, currencyCode, amount, metadata}}, answered
 * {@code {status, description, transactionId}}. {@code PendingConfirmation} means the prompt is on the phone: its
 * {@code transactionId} is the provider request id, which AT's payment notification carries
 * ({@link AtPaymentNotificationController}); any other answer is a refusal. AT retries its notification for 6 h,
 * so no status query is made.
 */
@Singleton
class AtMobileCheckout implements PaymentProvider {

    private static final String CHECKOUT = "/mobile/checkout/request";
    private static final String PENDING_CONFIRMATION = "PendingConfirmation";

    @Serdeable
    record CheckoutRequest(String username, String productName, String phoneNumber, String currencyCode,
                           BigDecimal amount, Map<String, String> metadata) {
    }

    @Serdeable
    record CheckoutAnswer(@Nullable String status, @Nullable String description, @Nullable String transactionId) {
    }

    private final AtSmsSettings account;
    private final AtPaymentsSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    AtMobileCheckout(AtSmsSettings account, AtPaymentsSettings settings, JsonMapper json) throws MalformedURLException {
        this.account = account;
        this.settings = settings;
        this.json = json;
        this.http = ProviderHttpClients.create(settings.resolvedBaseUrl(), settings.timeout());
    }

    @Override
    public Provider id() {
        return Provider.AT_CHECKOUT;
    }

    @Override
    public boolean configured() {
        return present(account.apiKey()) && present(settings.product());
    }

    @Override
    public String push(PushPrompt prompt) {
        CheckoutRequest body = new CheckoutRequest(account.username(), settings.product(), prompt.phone(), prompt.currency(),
                Money.major(prompt.amount(), prompt.currency()),
                Map.of("requestId", prompt.requestId(), "billReference", prompt.billReference()));
        CheckoutAnswer answer = read(send(HttpRequest.POST(CHECKOUT, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE).header("apiKey", account.apiKey())));
        if (!PENDING_CONFIRMATION.equals(answer.status()) || !present(answer.transactionId())) {
            throw new PushRefused("AT checkout answered " + answer.status() + ": " + answer.description());
        }
        return answer.transactionId();
    }

    private HttpResponse<String> send(HttpRequest<CheckoutRequest> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            throw new PushRefused("AT checkout answered HTTP " + e.code());
        } catch (HttpClientException e) {
            throw new PushRefused("AT checkout unreachable: " + e.getClass().getSimpleName());
        }
    }

    private CheckoutAnswer read(HttpResponse<String> response) {
        try {
            CheckoutAnswer answer = response.body() == null ? null
                    : json.readValue(response.body().getBytes(StandardCharsets.UTF_8), CheckoutAnswer.class);
            if (answer == null) {
                throw new PushRefused("AT checkout answered without a body");
            }
            return answer;
        } catch (IOException e) {
            throw new PushRefused("AT checkout answered unreadable JSON");
        }
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
