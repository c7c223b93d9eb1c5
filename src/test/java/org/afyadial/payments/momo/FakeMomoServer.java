package org.afyadial.payments.momo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for MTN MoMo's Collection API on 127.0.0.1 and a random port, speaking its wire format: the
 * token, request-to-pay (202) and its status, PENDING until the test settles the request. It records every call,
 * and can be told to answer one endpoint with an HTTP status, malformed JSON, or nothing (until closed).
 */
public final class FakeMomoServer implements AutoCloseable {

    public static final String SUBSCRIPTION_KEY = "test-subscription-key";
    public static final String API_USER = "3f6c1a4e-7a2b-4c8e-9d1f-0a1b2c3d4e5f";
    public static final String API_KEY = "test-api-key";

    /** One call as received: method, path, headers (lower-case names) and body. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
    }

    public enum Endpoint { TOKEN, REQUEST_TO_PAY, STATUS }

    /** A failure injected on the next call of one endpoint. */
    private record Failure(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, String> statuses = new ConcurrentHashMap<>();
    private final Map<Endpoint, List<Failure>> failures = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile int tokenLifetimeSeconds = 3600;
    private final java.util.concurrent.atomic.AtomicInteger tokens = new java.util.concurrent.atomic.AtomicInteger();

    public FakeMomoServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/collection/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Properties that point MoMo at this fake, with its credentials. */
    public Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("afyadial.payments.momo.base-url", baseUrl());
        properties.put("afyadial.payments.momo.subscription-key", SUBSCRIPTION_KEY);
        properties.put("afyadial.payments.momo.api-user", API_USER);
        properties.put("afyadial.payments.momo.api-key", API_KEY);
        properties.put("afyadial.payments.momo.target-environment", "mtnuganda");
        properties.put("afyadial.payments.momo.timeout", "1s");
        return properties;
    }

    /** Answers the next call to {@code endpoint} with this HTTP status and body. */
    public void failNext(Endpoint endpoint, int status, String body) {
        failures.computeIfAbsent(endpoint, e -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(new Failure(status, body, false));
    }

    /** Answers the next call to {@code endpoint} with nothing at all, until the fake closes. */
    public void hangNext(Endpoint endpoint) {
        failures.computeIfAbsent(endpoint, e -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(new Failure(0, "", true));
    }

    public void tokenLifetime(int seconds) {
        tokenLifetimeSeconds = seconds;
    }

    /** What the status of request {@code referenceId} answers from now on (a JSON body in MoMo's format). */
    public void settle(String referenceId, String statusBody) {
        statuses.put(referenceId, statusBody);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Endpoint endpoint) {
        return received.stream().filter(r -> endpoint(r.method(), r.path()) == endpoint).toList();
    }

    public void reset() {
        received.clear();
        statuses.clear();
        failures.clear();
        tokenLifetimeSeconds = 3600;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            received.add(new Received(method, path, headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Endpoint endpoint = endpoint(method, path);
            List<Failure> injected = endpoint == null ? List.of() : failures.getOrDefault(endpoint, List.of());
            if (!injected.isEmpty()) {
                Failure failure = injected.removeFirst();
                if (failure.hang()) {
                    awaitClosing();
                    return;
                }
                answer(exchange, failure.status(), failure.body());
                return;
            }
            switch (endpoint) {
                case TOKEN -> answer(exchange, 200, """
                        {"access_token":"token-%d","token_type":"access_token","expires_in":%d}""".formatted(tokens.incrementAndGet(), tokenLifetimeSeconds));
                case REQUEST_TO_PAY -> answer(exchange, 202, "");
                case STATUS -> {
                    String referenceId = path.substring(path.lastIndexOf('/') + 1);
                    answer(exchange, 200, statuses.getOrDefault(referenceId, """
                            {"amount":"0","currency":"UGX","externalId":"","payer":{"partyIdType":"MSISDN","partyId":""},"status":"PENDING"}"""));
                }
                case null -> answer(exchange, 404, "{\"code\":\"RESOURCE_NOT_FOUND\"}");
            }
        }
    }

    private static Endpoint endpoint(String method, String path) {
        if (method.equals("POST") && path.equals("/collection/token/")) {
            return Endpoint.TOKEN;
        }
        if (method.equals("POST") && path.equals("/collection/v1_0/requesttopay")) {
            return Endpoint.REQUEST_TO_PAY;
        }
        return method.equals("GET") && path.startsWith("/collection/v1_0/requesttopay/") ? Endpoint.STATUS : null;
    }

    private void awaitClosing() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
