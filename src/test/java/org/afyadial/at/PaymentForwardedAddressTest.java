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
 * Behind a proxy, the address it appended decides for the payment callbacks as for AT's; each list guards its own
 * paths, AT's payment notification is under both, and the token is still required.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.at.webhook.payment-allowed-cidrs", value = "196.201.214.0/24,2c0f:fe38::/32")
@Property(name = "afyadial.at.webhook.allowed-cidrs", value = "41.0.0.0/8")
@Property(name = "afyadial.at.webhook.token", value = "s3cret")
@Property(name = "micronaut.server.client-address-header", value = "X-Forwarded-For")
@Property(name = "afyadial.ussd.menus-dir", value = "src/test/resources/test-menus")
class PaymentForwardedAddressTest {

    @Inject
    @Client("/")
    HttpClient client;

    @ParameterizedTest(name = "{0} X-Forwarded-For {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            /mpesa/stk/callback?token=s3cret        | 196.201.214.7               | 200
            /mpesa/stk/callback?token=s3cret        | 10.0.0.1, 196.201.214.7     | 200
            /mpesa/stk/callback?token=s3cret        | 196.201.214.7, 10.0.0.1     | 403
            /mpesa/stk/callback?token=s3cret        | 41.1.2.3                    | 403
            /mpesa/stk/callback?token=s3cret        | none                        | 403
            /mpesa/stk/callback?token=wrong         | 196.201.214.7               | 403
            /mpesa/stk/callback                     | 196.201.214.7               | 403
            /mpesa/c2b/confirmation?token=s3cret    | 2c0f:fe38::9                | 200
            /at/ussd?token=s3cret                   | 41.1.2.3                    | 200
            /at/ussd?token=s3cret                   | 196.201.214.7               | 403
            /at/payments/notification?token=s3cret  | 196.201.214.7               | 403
            /at/payments/notification?token=s3cret  | 41.1.2.3                    | 403
            """)
    void eachListGuardsItsOwnPaths(String path, String forwardedFor, int expected) {
        assertEquals(expected, WebhookCalls.status(client, path, forwardedFor));
    }
}
