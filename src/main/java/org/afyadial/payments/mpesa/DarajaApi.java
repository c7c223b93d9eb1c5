package org.afyadial.payments.mpesa;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Daraja's HTTP surface, as in Safaricom's Daraja documentation (developer.safaricom.co.ke, "Authorization" and
 * "M-Pesa Express"): a bearer token from {@code GET /oauth/v1/generate?grant_type=client_credentials} (basic auth
 * with the app's key and secret), kept until shortly before its {@code expires_in} and fetched anew once when a call
 * answers 401 or Daraja's {@code 404.001.03} "Invalid Access Token"; JSON calls behind a circuit breaker. Daraja's
 * errors come as {@code {requestId, errorCode, errorMessage}} with a 4xx or 5xx status: a 4xx one, and the STK
 * query's "being processed", are answers; any other 5xx, a timeout, a dropped connection or an unreadable body is
 * {@link DarajaUnavailable}.
 */
@Singleton
class DarajaApi {

    /** The STK query's error while the payer has not answered yet (HTTP 500): an answer, not a failure. */
    static final String STILL_PROCESSING = "500.001.1001";
    /** Daraja's "Invalid Access Token", which it may send with a status other than 401. */
    private static final String INVALID_TOKEN = "404.001.03";
    private static final String TOKEN_PATH = "/oauth/v1/generate?grant_type=client_credentials";
    /** A token is renewed this long before Daraja says it expires, so no call carries one that expires on the way. */
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    /** A Daraja answer: a call's fields, or an error's ({@code errorCode}, {@code errorMessage}). */
    @Serdeable
    record Reply(@Nullable String CheckoutRequestID, @Nullable Object ResponseCode, @Nullable String ResponseDescription,
                 @Nullable Object ResultCode, @Nullable String ResultDesc, @Nullable String errorCode, @Nullable String errorMessage) {

        boolean accepted() {
            return ResponseCode != null && "0".equals(ResponseCode.toString().strip());
        }

        /** The STK result's code; empty before there is one. Daraja writes it as a string, sometimes as a number. */
        OptionalInt resultCode() {
            try {
                return ResultCode == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(ResultCode.toString().strip()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }

        /** Why Daraja did not accept, in its words (it does not echo phone numbers; digits runs are masked anyway). */
        String why() {
            String words = errorCode != null ? errorCode + " " + errorMessage : "ResponseCode " + ResponseCode + " " + ResponseDescription;
            return words.replaceAll("\\d{9,}", "…");
        }
    }

    @Serdeable
    record TokenReply(@Nullable String access_token, @Nullable Object expires_in) {
    }

    private record Token(String value, Instant renewAt) {
    }

    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }

    /** Daraja could not be asked: nothing is known of what it did. */
    static final class DarajaUnavailable extends RuntimeException {
        DarajaUnavailable(String why) {
            super(why, null, false, false);
        }
    }

    private final MpesaSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final CircuitBreaker breaker;
    private final AtomicReference<Token> token = new AtomicReference<>();

    DarajaApi(MpesaSettings settings, JsonMapper json, Clock clock) throws MalformedURLException {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(settings.timeout());
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        this.http = HttpClient.create(settings.resolvedBaseUrl().toURL(), configuration);
        this.breaker = CircuitBreaker.of("mpesa", CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .permittedNumberOfCallsInHalfOpenState(2)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .recordException(DarajaUnavailable.class::isInstance)
                .build());
    }

    /**
     * Posts a JSON body with the bearer token; answers Daraja's reply, accepted or not.
     *
     * @throws DarajaUnavailable when Daraja could not be asked, or while the breaker is open after it kept failing
     */
    Reply post(String path, Object body) {
        try {
            return breaker.executeSupplier(() -> {
                String bearer = bearer();
                try {
                    return postWith(bearer, path, body);
                } catch (Unauthorized expired) {
                    return postWith(renewed(bearer), path, body);
                }
            });
        } catch (Unauthorized e) {
            throw new DarajaUnavailable("credentials refused (HTTP 401)");
        } catch (CallNotPermittedException e) {
            throw new DarajaUnavailable("M-Pesa keeps failing; not asked again for now");
        }
    }

    /** The breaker, which tests close again between cases. */
    CircuitBreaker breaker() {
        return breaker;
    }

    private Reply postWith(String bearer, String path, Object body) {
        MutableHttpRequest<Object> request = HttpRequest.POST(path, body).bearerAuth(bearer)
                .contentType(MediaType.APPLICATION_JSON_TYPE).accept(MediaType.APPLICATION_JSON_TYPE);
        Reply reply = read(exchange(request), Reply.class);
        if (INVALID_TOKEN.equals(reply.errorCode())) {
            throw new Unauthorized();
        }
        return reply;
    }

    /** The answer's status and body, whatever the status; 401 as {@link Unauthorized}. */
    private HttpResponse<String> exchange(HttpRequest<?> request) {
        HttpResponse<String> response;
        try {
            response = http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        } catch (HttpClientException e) {
            throw new DarajaUnavailable("unreachable: " + e.getClass().getSimpleName());
        }
        if (response.code() == 401) {
            throw new Unauthorized();
        }
        return response;
    }

    private <T> T read(HttpResponse<String> response, Class<T> type) {
        String text = response.getBody(String.class).orElse("");
        T parsed;
        try {
            parsed = json.readValue(text, type);
        } catch (IOException | RuntimeException e) {
            throw new DarajaUnavailable("unreadable answer (HTTP " + response.code() + ")");
        }
        if (response.code() >= 500 && !(parsed instanceof Reply reply && STILL_PROCESSING.equals(reply.errorCode()))) {
            throw new DarajaUnavailable("HTTP " + response.code());
        }
        return parsed;
    }

    private String bearer() {
        Token current = token.get();
        return fresh(current) ? current.value() : renewed(null);
    }

    private boolean fresh(@Nullable Token candidate) {
        return candidate != null && clock.instant().isBefore(candidate.renewAt());
    }

    /** A new token, unless another call renewed the stale one meanwhile. */
    private synchronized String renewed(@Nullable String stale) {
        Token current = token.get();
        if (fresh(current) && !current.value().equals(stale)) {
            return current.value();
        }
        HttpRequest<?> request = HttpRequest.GET(TOKEN_PATH).basicAuth(settings.consumerKey(), settings.consumerSecret())
                .accept(MediaType.APPLICATION_JSON_TYPE);
        HttpResponse<String> response = exchange(request);
        TokenReply reply = read(response, TokenReply.class);
        if (response.code() != 200 || reply.access_token() == null) {
            throw new DarajaUnavailable("no token (HTTP " + response.code() + ")");
        }
        long lifetime = lifetimeSeconds(reply);
        Instant renewAt = clock.instant().plusSeconds(lifetime).minus(TOKEN_MARGIN);
        token.set(new Token(reply.access_token(), renewAt));
        return reply.access_token();
    }

    /** Daraja writes {@code expires_in} as a string of seconds ({@code "3599"}). */
    private static long lifetimeSeconds(TokenReply reply) {
        try {
            return reply.expires_in() == null ? 0 : Long.parseLong(reply.expires_in().toString().strip());
        } catch (NumberFormatException e) {
            throw new DarajaUnavailable("unreadable token lifetime");
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
