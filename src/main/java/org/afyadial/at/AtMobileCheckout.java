package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentProvider;
import org.afyadial.payments.ProviderHttpClients;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * AT's mobile checkout, as AT's payments documentation describes it (developers.africastalking.com, "Payments /
 * Mobile Checkout"): {@code POST /mobile/checkout/request} with the {@code apiKey} header and JSON
 * {@code {username, productName, phoneNumber, currencyCode, amount, metadata}}, answered
 * {@code {status, description, transactionId}}. {@code PendingConfirmation} means the prompt is on the phone: its
 * {@code transactionId} is the provider request id, which AT's payment notification carries
 * ({@link AtPaymentNotificationController}); any other answer is a refusal. AT retries its notification for 6 h,
 * but a notification can still be lost (a product callback misconfigured, the service down for longer): a request
 * left pending is asked after with "Payments / Query / Find a transaction",
 * {@code GET /query/transaction/find?username=&transactionId=} with the same header, answered
 * {@code {status, data: {the transaction as the notification writes it}, errorMessage}}.
 */
@Singleton
class AtMobileCheckout implements PaymentProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AtMobileCheckout.class);
    private static final String CHECKOUT = "/mobile/checkout/request";
    private static final String FIND_TRANSACTION = "/query/transaction/find";
    private static final String PENDING_CONFIRMATION = "PendingConfirmation";
    private static final String FOUND = "Success";

    @Serdeable
    record CheckoutRequest(String username, String productName, String phoneNumber, String currencyCode,
                           BigDecimal amount, Map<String, String> metadata) {
    }

    /** The find query's answer: {@code status} is the query's own (Success, or Failed with an error message). */
    @Serdeable
    record FoundTransaction(@Nullable String status, @Nullable Map<String, Object> data, @Nullable String errorMessage) {
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

    /** The transaction's end as AT's find query tells it; empty while it has none, or when AT cannot say now. */
    @Override
    public Optional<PaymentResult> check(String transactionId) {
        URI query = UriBuilder.of(FIND_TRANSACTION).queryParam("username", account.username())
                .queryParam("transactionId", transactionId).build();
        try {
            HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET(query)
                    .accept(MediaType.APPLICATION_JSON_TYPE).header("apiKey", account.apiKey()), String.class);
            FoundTransaction found = response.body() == null ? null
                    : json.readValue(response.body().getBytes(StandardCharsets.UTF_8), FoundTransaction.class);
            if (found == null || !FOUND.equals(found.status()) || found.data() == null) {
                LOG.info("AT found no transaction {} ({}): asked again later", transactionId, found == null ? "no body" : found.errorMessage());
                return Optional.empty();
            }
            return AtTransactions.result(found.data());
        } catch (HttpClientResponseException e) {
            LOG.warn("AT's find query for {} answered HTTP {}: asked again later", transactionId, e.code());
        } catch (HttpClientException | IOException e) {
            LOG.warn("AT's find query for {} failed ({}): asked again later", transactionId, e.getClass().getSimpleName());
        }
        return Optional.empty();
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
