package org.afyadial.clinical;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import jakarta.inject.Singleton;

import java.util.Map;

/** The three ways the clinical tests call the API: for the JSON answer, for the status, or for the failure. */
@Singleton
class ApiCalls {

    private static final Argument<Map<String, Object>> JSON = Argument.mapOf(String.class, Object.class);

    private final HttpClient http;

    ApiCalls(@Client("/") HttpClient http) {
        this.http = http;
    }

    Map<String, Object> send(HttpRequest<?> request) {
        return http.toBlocking().retrieve(request, JSON);
    }

    HttpStatus status(HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).getStatus();
        } catch (HttpClientResponseException e) {
            return e.getStatus();
        }
    }

    HttpClientResponseException failure(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("the request succeeded");
    }
}
