package org.afyadial.payments;

import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/** The HTTP client of a payment provider's API: a read timeout per call, and a short wait for the connection. */
public final class ProviderHttpClients {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ProviderHttpClients() {
    }

    public static HttpClient create(URI baseUrl, Duration readTimeout) throws MalformedURLException {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setReadTimeout(readTimeout);
        configuration.setConnectTimeout(CONNECT_TIMEOUT);
        return HttpClient.create(baseUrl.toURL(), configuration);
    }
}
