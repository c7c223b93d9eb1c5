package org.afyadial.at;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PAYMENT_ALLOWED_CIDRS guards the payment callbacks only, and the connection's peer (127.0.0.1 here) is the caller
 * when no proxy is configured, whatever forwarding header it wrote.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.webhook.payment-allowed-cidrs", value = "196.201.214.0/24")
@Property(name = "afyadial.at.webhook.token", value = "s3cret")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class PaymentAllowedCidrsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest(name = "{0} X-Forwarded-For {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            /mpesa/stk/callback?token=s3cret        | none          | 403
            /mpesa/stk/callback?token=s3cret        | 196.201.214.7 | 403
            /mpesa/c2b/confirmation?token=s3cret    | none          | 403
            /momo/callback?token=s3cret             | none          | 403
            /at/payments/notification?token=s3cret  | none          | 403
            /at/ussd?token=s3cret                   | none          | 200
            /at/ussd                                | none          | 403
            """)
    void onlyThePaymentCallbacksAreRestricted(String path, String forwardedFor, int expected) {
        assertEquals(expected, WebhookCalls.status(client, path, forwardedFor));
    }
}
