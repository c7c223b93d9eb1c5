package org.afyadial.ussd;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A phone talking to {@code POST /at/ussd} the way Africa's Talking does: one session id per dial, the
 * text growing with every input joined by {@code *}. Every answer is checked against the wire contract.
 */
public final class UssdPhone {

    public static final int MAX_CHARS = 160;

    private final BlockingHttpClient http;
    private final String phone;
    private final String path;
    private String sessionId;
    private String text;

    public UssdPhone(BlockingHttpClient http, String phone) {
        this(http, phone, "/at/ussd");
    }

    public UssdPhone(BlockingHttpClient http, String phone, String path) {
        this.http = http;
        this.phone = phone;
        this.path = path;
    }

    public String dial() {
        sessionId = "ATUid_" + UUID.randomUUID();
        text = "";
        return send();
    }

    public String type(String input) {
        text = text.isEmpty() ? input : text + "*" + input;
        return send();
    }

    /** The same request again, as a retransmission would send it. */
    public String resend() {
        return send();
    }

    public String phone() {
        return phone;
    }

    public String sessionId() {
        return sessionId;
    }

    public String text() {
        return text;
    }

    public String form() {
        return form(sessionId, phone, text);
    }

    public static String form(String sessionId, String phone, String text) {
        return "sessionId=" + enc(sessionId) + "&serviceCode=" + enc("*384*1#") + "&phoneNumber=" + enc(phone)
                + "&networkCode=63902&text=" + enc(text);
    }

    private String send() {
        return post(form());
    }

    public String post(String body) {
        HttpResponse<String> response = http.exchange(HttpRequest.POST(path, body)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertEquals(200, response.code());
        String answer = response.body();
        assertWireContract(answer);
        return answer;
    }

    public static void assertWireContract(String answer) {
        assertTrue(answer != null && (answer.startsWith("CON ") || answer.startsWith("END ")), "not CON/END: " + answer);
        String screen = answer.substring(4);
        assertTrue(!screen.isBlank() && !Character.isWhitespace(screen.charAt(0)), "blank or indented screen: " + answer);
        assertTrue(screen.length() <= MAX_CHARS, "screen of " + screen.length() + " characters: " + answer);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
