package org.afyadial.at;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for AT's payments API on 127.0.0.1 and a random port. The mobile checkout answers
 * {@code PendingConfirmation} with a fresh {@code ATPid_} transaction id; the find query answers a transaction the
 * test {@link #settle}d as AT's documentation shows it ({@code {status: Success, data: {...}}}), any other with
 * AT's "not found" error. Either answers instead what the test asks for next (an HTTP status and body, or nothing
 * until it closes). It records every request's {@code apiKey} header and JSON body or query string.
 */
final class FakeAtPaymentsServer implements AutoCloseable {

    record Received(String apiKey, String body) {
    }

    /** An answer the test asked for; {@code hang} answers nothing. */
    private record Answer(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answer> next = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Received> finds = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answer> nextFind = new ConcurrentLinkedQueue<>();
    private final Map<String, String> settled = new ConcurrentHashMap<>();
    private final AtomicInteger transactions = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeAtPaymentsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/mobile/checkout/request", this::handle);
        server.createContext("/query/transaction/find", this::find);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void answerNext(int status, String body) {
        next.add(new Answer(status, body, false));
    }

    void hangNext() {
        next.add(new Answer(0, "", true));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** The find queries received, their query string as the body. */
    List<Received> finds() {
        return List.copyOf(finds);
    }

    void answerNextFind(int status, String body) {
        nextFind.add(new Answer(status, body, false));
    }

    void hangNextFind() {
        nextFind.add(new Answer(0, "", true));
    }

    /** How the find query tells this transaction from now on: {@code Success} or {@code Failed}, for {@code value}. */
    void settle(String transactionId, String status, String value, String providerRefId) {
        settled.put(transactionId, """
                {"requestMetadata":{},"sourceType":"PhoneNumber","source":"+254733100001","provider":"Mpesa",
                "destinationType":"Wallet","description":"The service request is processed successfully.","providerChannel":"525900",
                "transactionFee":"KES 1.0000","providerRefId":"%s","providerMetadata":{},"status":"%s","productName":"AfyaDial Clinic",
                "category":"MobileCheckout","transactionDate":"20.11.2026 09:15:00","destination":"PaymentWallet","value":"%s",
                "transactionId":"%s","creationTime":"2026-11-20 09:14:40"}""".formatted(providerRefId, status, value, transactionId));
    }

    void reset() {
        received.clear();
        next.clear();
        finds.clear();
        nextFind.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestHeaders().getFirst("apiKey"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = next.poll();
        respond(exchange, answer != null ? answer : new Answer(201, """
                {"description":"Waiting for user input","providerChannel":"525900","status":"PendingConfirmation","transactionId":"ATPid_%d"}"""
                .formatted(transactions.incrementAndGet()), false));
    }

    private void find(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        finds.add(new Received(exchange.getRequestHeaders().getFirst("apiKey"), query));
        Answer answer = nextFind.poll();
        String data = settled.get(query.replaceFirst(".*transactionId=([^&]*).*", "$1"));
        respond(exchange, answer != null ? answer : new Answer(200, data == null
                ? "{\"status\":\"Failed\",\"errorMessage\":\"Could not find transaction\"}"
                : "{\"status\":\"Success\",\"data\":" + data + "}", false));
    }

    private void respond(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            if (answer.hang()) {
                closing.await();
                return;
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
