package org.afyadial.payments.momo;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.afyadial.payments.CallbackUrls;
import org.afyadial.payments.Money;
import org.afyadial.payments.PaymentProvider;
import org.afyadial.payments.ProviderHttpClients;
import org.afyadial.payments.PaymentResult;
import org.afyadial.payments.Provider;
import org.afyadial.system.ClinicSettings;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * MTN MoMo's Collection API as momodeveloper.mtn.com documents it ("Collection": {@code POST /collection/token/},
 * {@code POST /collection/v1_0/requesttopay}, {@code GET /collection/v1_0/requesttopay/{referenceId}}): an access
 * token from the API user and key, kept until shortly before it expires; a request-to-pay named by a fresh UUID
 * {@code X-Reference-Id}, our provider request id, answered 202; its status asked by that id. A 401 means the token
 * went stale: it is fetched again and the call made once more.
 */
@Singleton
class MomoCollection implements PaymentProvider {

    private static final String TOKEN = "/collection/token/";
    private static final String REQUEST_TO_PAY = "/collection/v1_0/requesttopay";
    private static final String CALLBACK_PATH = "/momo/callback";
    /** A token is renewed this long before MTN says it expires, so none expires on its way. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    @Serdeable
    record Party(String partyIdType, String partyId) {
    }

    /** The request-to-pay body; {@code amount} is a decimal string in the currency's units ("5000", "12.50"). */
    @Serdeable
    record RequestToPay(String amount, String currency, String externalId, Party payer, String payerMessage, String payeeNote) {
    }

    private record AccessToken(String value, Instant expiresAt) {
    }

    /** MoMo could not be asked, or answered something unreadable. */
    static final class MomoUnavailable extends RuntimeException {
        MomoUnavailable(String why) {
            super(why, null, false, false);
        }
    }

    private final MomoSettings settings;
    private final CallbackUrls callbacks;
    private final JsonMapper json;
    private final Clock clock;
    private final String clinicName;
    private final HttpClient http;
    private AccessToken token;

    MomoCollection(MomoSettings settings, CallbackUrls callbacks, JsonMapper json, Clock clock, ClinicSettings clinic)
            throws MalformedURLException {
        this.settings = settings;
        this.callbacks = callbacks;
        this.json = json;
        this.clock = clock;
        this.clinicName = clinic.name();
        this.http = ProviderHttpClients.create(settings.resolvedBaseUrl(), settings.timeout());
    }

    @Override
    public Provider id() {
        return Provider.MOMO;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public String push(PushPrompt prompt) {
        String referenceId = UUID.randomUUID().toString();
        String note = clinicName + " " + prompt.billReference();
        RequestToPay body = new RequestToPay(Money.major(prompt.amount(), prompt.currency()).toPlainString(), prompt.currency(),
                prompt.requestId(), new Party("MSISDN", prompt.phone().replaceFirst("^\\+", "")), note, note);
        HttpResponse<String> answer;
        try {
            answer = call(bearer -> {
                MutableHttpRequest<RequestToPay> request = HttpRequest.POST(REQUEST_TO_PAY, body)
                        .contentType(MediaType.APPLICATION_JSON_TYPE).header("X-Reference-Id", referenceId);
                callbacks.of(CALLBACK_PATH).ifPresent(url -> request.header("X-Callback-Url", url));
                return authorised(request, bearer);
            });
        } catch (MomoUnavailable e) {
            throw new PushRefused(e.getMessage());
        }
        if (answer.getStatus() != HttpStatus.ACCEPTED) {
            throw new PushRefused("MoMo answered the request-to-pay with HTTP " + answer.code());
        }
        return referenceId;
    }

    /** @throws MomoUnavailable when MoMo cannot be asked or answers something unreadable */
    @Override
    public Optional<PaymentResult> check(String referenceId) {
        HttpResponse<String> answer = call(bearer -> authorised(HttpRequest.GET(REQUEST_TO_PAY + "/" + referenceId), bearer));
        return MomoStatus.result(referenceId, read(answer.body()));
    }

    /** Reads a status body, the status answer's or the callback's. */
    Map<String, Object> read(String body) {
        try {
            Map<String, Object> read = body == null ? null : json.readValue(body.getBytes(StandardCharsets.UTF_8),
                    Argument.mapOf(String.class, Object.class));
            if (read == null) {
                throw new MomoUnavailable("MoMo answered without a body");
            }
            return read;
        } catch (IOException e) {
            throw new MomoUnavailable("MoMo answered unreadable JSON");
        }
    }

    private MutableHttpRequest<?> authorised(MutableHttpRequest<?> request, String bearer) {
        return request.bearerAuth(bearer).header("X-Target-Environment", settings.targetEnvironment())
                .header("Ocp-Apim-Subscription-Key", settings.subscriptionKey());
    }

    /** Makes a call with the current token; once more with a new one when MoMo says the token is stale. */
    private HttpResponse<String> call(Function<String, MutableHttpRequest<?>> request) {
        try {
            return exchange(request.apply(token()));
        } catch (HttpClientResponseException e) {
            if (e.getStatus() != HttpStatus.UNAUTHORIZED) {
                throw new MomoUnavailable("MoMo answered HTTP " + e.code());
            }
            forgetToken();
        }
        try {
            return exchange(request.apply(token()));
        } catch (HttpClientResponseException e) {
            throw new MomoUnavailable("MoMo answered HTTP " + e.code());
        }
    }

    private HttpResponse<String> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            throw e; // an answer, read by the caller; the subclass of the failures below
        } catch (HttpClientException e) {
            throw new MomoUnavailable("MoMo unreachable: " + e.getClass().getSimpleName());
        }
    }

    /** The access token, fetched when none is held or the one held is about to expire. */
    private synchronized String token() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.expiresAt().minus(TOKEN_MARGIN))) {
            token = fetchToken(now);
        }
        return token.value();
    }

    private synchronized void forgetToken() {
        token = null;
    }

    /** {@code POST /collection/token/} with the API user and key → {@code {access_token, token_type, expires_in}}. */
    private AccessToken fetchToken(Instant now) {
        String credentials = Base64.getEncoder().encodeToString((settings.apiUser() + ":" + settings.apiKey()).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer;
        try {
            answer = exchange(HttpRequest.POST(TOKEN, "").header("Authorization", "Basic " + credentials)
                    .header("Ocp-Apim-Subscription-Key", settings.subscriptionKey()));
        } catch (HttpClientResponseException e) {
            throw new MomoUnavailable("MoMo refused a token: HTTP " + e.code());
        }
        Map<String, Object> body = read(answer.body());
        String value = MomoStatus.text(body.get("access_token"));
        String lifetime = MomoStatus.text(body.get("expires_in"));
        if (value == null || lifetime == null || !lifetime.matches("\\d{1,9}")) {
            throw new MomoUnavailable("MoMo answered a token without access_token or expires_in");
        }
        return new AccessToken(value, now.plusSeconds(Long.parseLong(lifetime)));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
