package org.afyadial.at;

import com.mongodb.client.model.Filters;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.store.Store;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With AT_WEBHOOK_TOKEN set, every webhook (USSD and SMS) without the right {@code ?token=} gets 403 and nothing is stored. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.webhook.token", value = "s3cret-token-of-the-clinic")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class AtWebhookGuardTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Store store;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /at/ussd                                          | 403
            /at/ussd?token=                                   | 403
            /at/ussd?token=wrong                              | 403
            /at/ussd?token=s3cret-token-of-the-clinic-longer  | 403
            /at/ussd?token=S3CRET-TOKEN-OF-THE-CLINIC         | 403
            /at/ussd/events?token=nope                        | 403
            /at/sms/inbound                                   | 403
            /at/sms/delivery?token=nope                       | 403
            /at/ussd?token=s3cret-token-of-the-clinic         | 200
            /at/ussd/events?token=s3cret-token-of-the-clinic  | 200
            """)
    void theTokenIsRequired(String path, int expected) {
        String sessionId = "ATUid_guard-" + path.hashCode();
        HttpRequest<String> request = HttpRequest.POST(path, "sessionId=" + sessionId
                + "&serviceCode=*384*1%23&phoneNumber=%2B254700111222&networkCode=63902&text=&status=Success")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (expected == 403) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> client.toBlocking().exchange(request, String.class));
            assertEquals(403, refused.code());
            assertEquals(0, store.collection("ussd_sessions").countDocuments(Filters.eq("_id", sessionId)));
        } else {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            assertEquals(200, response.code());
        }
    }
}
