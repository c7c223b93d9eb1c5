package org.afyadial.at;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A local stand-in for AT's messaging API on 127.0.0.1 and a random port. It records every
 * request, counts the messages it accepted per text, and can be told to answer with an HTTP
 * status, fail chosen recipients with a status code, answer slowly or drop the connection.
 */
public final class FakeAtServer implements AutoCloseable {

    /** One request as received: the form fields and the apiKey header. */
    public record Received(Map<String, String> form, String apiKey) {
    }

    public enum Mode { ACCEPT, HTTP_STATUS, RESET_CONNECTION }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> acceptedPerText = new ConcurrentHashMap<>();
    private final Map<String, Integer> recipientFailures = new ConcurrentHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong();
    private final AtomicLong acceptedCount = new AtomicLong();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile int httpStatus = 201;
    private volatile Duration delay = Duration.ZERO;
    private volatile int recordUpTo = Integer.MAX_VALUE;
    private volatile Consumer<String> onAccepted = text -> { };

    public FakeAtServer() {
        this(16);
    }

    public FakeAtServer(int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/version1/messaging", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Accept every recipient (the default), unless listed in {@link #failRecipient}. */
    public void accept() {
        mode = Mode.ACCEPT;
    }

    /** Answer every request with this HTTP status and an empty JSON body. */
    public void answerHttp(int status) {
        mode = Mode.HTTP_STATUS;
        httpStatus = status;
    }

    /** Close every connection without an answer. */
    public void resetConnections() {
        mode = Mode.RESET_CONNECTION;
    }

    /** Answer 201 but with this per-recipient status code for {@code phone}. */
    public void failRecipient(String phone, int statusCode) {
        recipientFailures.put(phone, statusCode);
    }

    public void clearRecipientFailures() {
        recipientFailures.clear();
    }

    /** Back to accepting everything promptly, with nothing recorded or counted. */
    public void reset() {
        accept();
        delay = Duration.ZERO;
        recipientFailures.clear();
        received.clear();
        acceptedPerText.clear();
        acceptedCount.set(0);
    }

    /** Told each accepted message's text, before the answer leaves. */
    public void onAccepted(Consumer<String> listener) {
        onAccepted = listener;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Keep only counters, not every request (for the benchmark). */
    public void recordNothing() {
        recordUpTo = 0;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int acceptedTimes(String text) {
        AtomicInteger count = acceptedPerText.get(text);
        return count == null ? 0 : count.get();
    }

    public long accepted() {
        return acceptedCount.get();
    }

    /** Texts the fake accepted more than once. */
    public long duplicates() {
        return acceptedPerText.values().stream().filter(c -> c.get() > 1).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = decode(exchange.getRequestBody());
            if (received.size() < recordUpTo) {
                received.add(new Received(form, exchange.getRequestHeaders().getFirst("apiKey")));
            }
            pause();
            switch (mode) {
                case RESET_CONNECTION -> {
                    return; // closing the exchange before any answer drops the connection
                }
                case HTTP_STATUS -> answer(exchange, httpStatus, "{}");
                case ACCEPT -> answer(exchange, 201, recipientAnswer(form));
            }
        }
    }

    private String recipientAnswer(Map<String, String> form) {
        String phone = form.get("to");
        Integer failure = recipientFailures.get(phone);
        if (failure != null) {
            return "{\"SMSMessageData\":{\"Message\":\"Sent to 0/1\",\"Recipients\":[{\"statusCode\":" + failure
                    + ",\"number\":\"" + phone + "\",\"cost\":\"0\",\"status\":\"Failed\",\"messageId\":\"None\"}]}}";
        }
        acceptedPerText.computeIfAbsent(form.get("message"), t -> new AtomicInteger()).incrementAndGet();
        acceptedCount.incrementAndGet();
        onAccepted.accept(form.get("message"));
        return "{\"SMSMessageData\":{\"Message\":\"Sent to 1/1 Total Cost: KES 0.8000\",\"Recipients\":[{\"statusCode\":101,"
                + "\"number\":\"" + phone + "\",\"cost\":\"KES 0.8000\",\"status\":\"Success\",\"messageId\":\"ATXid_"
                + nextMessageId.incrementAndGet() + "\",\"messageParts\":1}]}}";
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> decode(InputStream body) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String raw = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
