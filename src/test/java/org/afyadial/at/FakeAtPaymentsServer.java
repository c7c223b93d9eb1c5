package org.afyadial.at;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for AT's mobile checkout on 127.0.0.1 and a random port: answers {@code PendingConfirmation}
 * with a fresh {@code ATPid_} transaction id, or what the test asks for next (an HTTP status and body, or nothing
 * until it closes). It records every request's {@code apiKey} header and JSON body.
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
    private final AtomicInteger transactions = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    FakeAtPaymentsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/mobile/checkout/request", this::handle);
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

    void reset() {
        received.clear();
        next.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            received.add(new Received(exchange.getRequestHeaders().getFirst("apiKey"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = next.poll();
            if (answer == null) {
                answer = new Answer(201, """
                        {"description":"Waiting for user input","providerChannel":"525900","status":"PendingConfirmation","transactionId":"ATPid_%d"}"""
                        .formatted(transactions.incrementAndGet()), false);
            }
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
