package org.afyadial.at;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.afyadial.sms.SendResult;
import org.afyadial.sms.SmsGateway;
import org.afyadial.sms.SendOutcomeUnknown;
import org.afyadial.sms.TransientSendFailure;

import java.net.MalformedURLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sends one SMS to one phone through AT's messaging API ({@code POST /version1/messaging}, form
 * body, {@code apiKey} header). HTTP 201 is success and each recipient carries its own status
 * code, read through {@link AtRecipientStatus}; any other answer or a dropped connection is a transient
 * failure. No answer within {@code AT_SMS_TIMEOUT} leaves the outcome unknown: AT may have sent the SMS.
 */
@Singleton
@Requires(property = "afyadial.at.sms.api-key", pattern = ".+")
class AtSmsClient implements SmsGateway {

    private static final String MESSAGING = "/version1/messaging";
    private static final int CONNECTIONS = 64;

    @Serdeable
    record Recipient(int statusCode, String number, String status, String messageId) {
    }

    @Serdeable
    record MessageData(@JsonProperty("Message") String message, @JsonProperty("Recipients") List<Recipient> recipients) {
    }

    @Serdeable
    record SendResponse(@JsonProperty("SMSMessageData") MessageData data) {
    }

    private final AtSmsSettings settings;
    private final HttpClient http;
    private final MeterRegistry registry;

    AtSmsClient(AtSmsSettings settings, MeterRegistry registry) throws MalformedURLException {
        this.settings = settings;
        this.registry = registry;
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(settings.timeout());
        configuration.setConnectTimeout(Duration.ofSeconds(5));
        configuration.getConnectionPoolConfiguration().setMaxConcurrentHttp1Connections(CONNECTIONS);
        this.http = HttpClient.create(settings.resolvedBaseUrl().toURL(), configuration);
    }

    @Override
    public SendResult send(String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", settings.username());
        form.put("to", phone);
        form.put("message", text);
        if (settings.senderId() != null && !settings.senderId().isBlank()) {
            form.put("from", settings.senderId());
        }
        HttpRequest<?> request = HttpRequest.POST(MESSAGING, form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.APPLICATION_JSON_TYPE)
                .header("apiKey", settings.apiKey());
        long started = registry.config().clock().monotonicTime();
        HttpResponse<SendResponse> response;
        try {
            response = http.toBlocking().exchange(request, SendResponse.class);
        } catch (HttpClientResponseException e) {
            recordCall(started, "http_" + e.getStatus().getCode());
            throw new TransientSendFailure("AT answered HTTP " + e.getStatus().getCode());
        } catch (ReadTimeoutException e) {
            recordCall(started, "timeout");
            throw new SendOutcomeUnknown("AT gave no answer within " + settings.timeout().toSeconds() + " s");
        } catch (HttpClientException e) {
            recordCall(started, "unreachable");
            throw new TransientSendFailure("AT unreachable: " + e.getClass().getSimpleName());
        }
        recordCall(started, statusCode(response));
        return recipientResult(response);
    }

    /** AT's recipient status code (101 Sent, 403 InvalidPhoneNumber...), or the HTTP status when there is none. */
    private static String statusCode(HttpResponse<SendResponse> response) {
        SendResponse body = response.body();
        boolean hasRecipient = response.getStatus() == HttpStatus.CREATED && body != null && body.data() != null
                && body.data().recipients() != null && !body.data().recipients().isEmpty();
        return hasRecipient ? String.valueOf(body.data().recipients().getFirst().statusCode()) : "http_" + response.getStatus().getCode();
    }

    /** Sends are a few per second at most, so the timer is looked up by its tag on each. */
    private void recordCall(long started, String statusCode) {
        Timer.builder("afyadial.at.sms.request").description("Calls to AT's SMS API, by AT status code")
                .tag("status_code", statusCode).register(registry)
                .record(registry.config().clock().monotonicTime() - started, TimeUnit.NANOSECONDS);
    }

    private static SendResult recipientResult(HttpResponse<SendResponse> response) {
        if (response.getStatus() != HttpStatus.CREATED) {
            throw new TransientSendFailure("AT answered HTTP " + response.getStatus().getCode());
        }
        SendResponse body = response.body();
        if (body == null || body.data() == null || body.data().recipients() == null || body.data().recipients().isEmpty()) {
            String message = body == null || body.data() == null ? "no body" : body.data().message();
            return SendResult.refused(SendResult.Outcome.REJECTED, "no recipient accepted: " + message);
        }
        Recipient recipient = body.data().recipients().getFirst();
        return AtRecipientStatus.toResult(recipient.statusCode(), recipient.status(), recipient.messageId());
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
