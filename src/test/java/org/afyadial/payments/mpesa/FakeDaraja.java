package org.afyadial.payments.mpesa;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Safaricom Daraja on 127.0.0.1 and a random port, in its wire format: the OAuth token, the
 * STK push and the STK query, each answer as the Daraja documentation shows it. Troubles queued with {@link #next}
 * answer the following STK call; {@link #expireTokens} makes every token issued so far refused. It also plays
 * Safaricom's side of the callback, posting the STK result to the CallBackURL a push gave.
 */
public final class FakeDaraja implements AutoCloseable {

    public static final String KEY = "consumer-key";
    public static final String SECRET = "consumer-secret";

    /** What the next STK call gets instead of a normal answer. */
    public enum Trouble { HTTP_500, MALFORMED_JSON, HANG, REFUSED }

    private final HttpServer server;
    private final JsonMapper json;
    private final Queue<Trouble> troubles = new ConcurrentLinkedQueue<>();
    private final Queue<Map<String, Object>> pushes = new ConcurrentLinkedQueue<>();
    private final Queue<Map<String, Object>> queries = new ConcurrentLinkedQueue<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> queryResults = new ConcurrentHashMap<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final AtomicInteger checkouts = new AtomicInteger();
    private final CountDownLatch hung = new CountDownLatch(1);
    private volatile int invalidTokenStatus = 401;
    private final Queue<EarlyCallback> earlyCallbacks = new ConcurrentLinkedQueue<>();

    private record EarlyCallback(URI server, int resultCode, String receipt) {
    }

    public FakeDaraja() {
        this.json = JsonMapper.createDefault();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/oauth/v1/generate", this::token);
        server.createContext("/mpesa/stkpush/v1/processrequest", exchange -> stk(exchange, pushes, this::pushAnswer));
        server.createContext("/mpesa/stkpushquery/v1/query", exchange -> stk(exchange, queries, this::queryAnswer));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Properties that point the service at this fake. */
    public Map<String, String> properties() {
        return Map.of("afyadial.mpesa.base-url", baseUrl(),
                "afyadial.mpesa.consumer-key", KEY,
                "afyadial.mpesa.consumer-secret", SECRET,
                "afyadial.mpesa.shortcode", "174379",
                "afyadial.mpesa.passkey", "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
                "afyadial.public-base-url", "https://clinic.example/",
                "afyadial.at.webhook.token", "s3cret");
    }

    public void next(Trouble trouble) {
        troubles.add(trouble);
    }

    /**
     * The next STK push is called back ({@link #callBack}) before it is answered, and answered once the callback got
     * its answer, as Daraja may do.
     */
    public void callBackBeforeAnswering(URI server, int resultCode, String receipt) {
        earlyCallbacks.add(new EarlyCallback(server, resultCode, receipt));
    }

    /** Every token issued so far is refused with this HTTP status and Daraja's "Invalid Access Token". */
    public void expireTokens(int status) {
        invalidTokenStatus = status;
        validTokens.clear();
    }

    /** How the STK query answers for this request from now on; before this, "being processed". */
    public void resultOf(String checkoutRequestId, int resultCode) {
        queryResults.put(checkoutRequestId, resultCode);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    public List<Map<String, Object>> pushes() {
        return List.copyOf(pushes);
    }

    public List<Map<String, Object>> queries() {
        return List.copyOf(queries);
    }

    /** Forgets what it received and every trouble not yet used. */
    public void reset() {
        troubles.clear();
        earlyCallbacks.clear();
        pushes.clear();
        queries.clear();
        queryResults.clear();
    }

    /**
     * Posts the STK result of the latest push to its CallBackURL, on {@code server} instead of the public host (the
     * way a proxy in front would); answers the HTTP status.
     */
    public int callBack(URI server, int resultCode, String receipt) {
        Map<String, Object> push = List.copyOf(pushes).getLast();
        URI callbackUrl = URI.create((String) push.get("CallBackURL"));
        URI target = server.resolve(callbackUrl.getRawPath() + "?" + callbackUrl.getRawQuery());
        String metadata = resultCode != 0 ? "" : """
                ,"CallbackMetadata":{"Item":[{"Name":"Amount","Value":%s},{"Name":"MpesaReceiptNumber","Value":"%s"},
                {"Name":"Balance"},{"Name":"TransactionDate","Value":20261120091500},{"Name":"PhoneNumber","Value":%s}]}"""
                .formatted(push.get("Amount"), receipt, push.get("PhoneNumber"));
        String body = """
                {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s","ResultCode":%d,
                "ResultDesc":"The service request is processed successfully."%s}}}""".formatted(checkoutOf(push), resultCode, metadata);
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(target).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CheckoutRequestID this fake gave a push. */
    public String checkoutOf(Map<String, Object> push) {
        return (String) push.get("_checkout");
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
            if (!"GET".equals(exchange.getRequestMethod()) || !"grant_type=client_credentials".equals(exchange.getRequestURI().getQuery())
                    || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 400, """
                        {"requestId":"1-1","errorCode":"400.008.01","errorMessage":"Invalid Authentication passed"}""");
                return;
            }
            String token = "tok" + tokensIssued.incrementAndGet();
            validTokens.add(token);
            answer(exchange, 200, """
                    {"access_token":"%s","expires_in":"3599"}""".formatted(token));
        }
    }

    private interface Answerer {
        void answer(HttpExchange exchange, Map<String, Object> body) throws IOException;
    }

    private void stk(HttpExchange exchange, Queue<Map<String, Object>> received, Answerer normal) throws IOException {
        try (exchange) {
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            if (bearer == null || !validTokens.contains(bearer.replaceFirst("^Bearer ", ""))) {
                answer(exchange, invalidTokenStatus, """
                        {"requestId":"2-2","errorCode":"404.001.03","errorMessage":"Invalid Access Token"}""");
                return;
            }
            Map<String, Object> body = new ConcurrentHashMap<>(json.readValue(exchange.getRequestBody().readAllBytes(),
                    Argument.mapOf(String.class, Object.class)));
            received.add(body);
            Trouble trouble = troubles.poll();
            if (trouble == null) {
                normal.answer(exchange, body);
                return;
            }
            switch (trouble) {
                case HTTP_500 -> answer(exchange, 500, """
                        {"requestId":"3-3","errorCode":"500.003.02","errorMessage":"System is busy. Please try again in few minutes."}""");
                case MALFORMED_JSON -> answer(exchange, 200, "{\"MerchantRequestID\":\"29115\",\"CheckoutRequestID\":");
                case REFUSED -> answer(exchange, 200, """
                        {"MerchantRequestID":"29115-1","CheckoutRequestID":"ws_CO_refused","ResponseCode":"1",
                        "ResponseDescription":"Rejected: payer 254708374149 not allowed","CustomerMessage":"Rejected"}""");
                case HANG -> awaitRelease();
            }
        }
    }

    private void pushAnswer(HttpExchange exchange, Map<String, Object> body) throws IOException {
        String checkout = "ws_CO_0311202609" + checkouts.incrementAndGet();
        body.put("_checkout", checkout);
        EarlyCallback early = earlyCallbacks.poll();
        if (early != null && callBack(early.server(), early.resultCode(), early.receipt()) != 200) {
            throw new IllegalStateException("the early callback was not answered 200");
        }
        answer(exchange, 200, """
                {"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s","ResponseCode":"0",
                "ResponseDescription":"Success. Request accepted for processing","CustomerMessage":"Success. Request accepted for processing"}"""
                .formatted(checkout));
    }

    private void queryAnswer(HttpExchange exchange, Map<String, Object> body) throws IOException {
        Integer result = queryResults.get((String) body.get("CheckoutRequestID"));
        if (result == null) {
            answer(exchange, 500, """
                    {"requestId":"4-4","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}""");
            return;
        }
        answer(exchange, 200, """
                {"ResponseCode":"0","ResponseDescription":"The service request has been accepted successsfully",
                "MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"%s","ResultCode":"%d","ResultDesc":"Result %d"}"""
                .formatted(body.get("CheckoutRequestID"), result, result));
    }

    private void awaitRelease() {
        try {
            hung.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        hung.countDown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
