package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

/** Posts a minimal body of the right kind to a webhook path and answers the HTTP status. */
final class WebhookCalls {

    private WebhookCalls() {
    }

    static int status(HttpClient client, String path, @Nullable String forwardedFor) {
        MutableHttpRequest<String> request = path.startsWith("/at/ussd")
                ? HttpRequest.POST(path, "sessionId=ATUid_pay_cidr&phoneNumber=%2B254700111336&text=")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                : HttpRequest.POST(path, "{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return client.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.code();
        }
    }
}
