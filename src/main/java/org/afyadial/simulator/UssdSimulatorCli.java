package org.afyadial.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar afyadial.jar ussd-sim --phone +254700000001 [--url http://localhost:8080] [--code *384*1#]
 * [--token <AT_WEBHOOK_TOKEN>]}: a phone in the terminal. It posts the same form Africa's Talking posts to the
 * running service's {@code /at/ussd}, prints each screen, reads the next input, and after the session lists
 * the SMS the service sent to the number (from {@code /simulator/sms}, when that endpoint exists).
 */
public final class UssdSimulatorCli {

    private static final String USAGE = "usage: ussd-sim --phone +254700000001 [--url http://localhost:8080] "
            + "[--code *384*1#] [--token <AT_WEBHOOK_TOKEN>]";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final String phone;
    private final String code;
    private final String token;

    private UssdSimulatorCli(Map<String, String> options) {
        this.url = options.getOrDefault("url", "http://localhost:8080").replaceAll("/+$", "");
        this.phone = options.get("phone");
        this.code = options.getOrDefault("code", "*384*1#");
        this.token = options.getOrDefault("token", System.getenv().getOrDefault("AT_WEBHOOK_TOKEN", ""));
    }

    public static int run(String[] args, InputStream in, PrintStream out) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!options.containsKey("phone")) {
            out.println(USAGE);
            return 2;
        }
        BufferedReader keyboard = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            new UssdSimulatorCli(options).talk(keyboard, out);
            return 0;
        } catch (IOException e) {
            out.println("Cannot reach the service: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void talk(BufferedReader keyboard, PrintStream out) throws IOException, InterruptedException {
        do {
            session(keyboard, out);
            printSms(out);
            out.print("Dial " + code + " again? [y/N] ");
            out.flush();
        } while ("y".equalsIgnoreCase(String.valueOf(keyboard.readLine()).strip()));
    }

    private void session(BufferedReader keyboard, PrintStream out) throws IOException, InterruptedException {
        String sessionId = "ATUid_sim_" + UUID.randomUUID();
        String text = "";
        out.println("Dialling " + code + " from " + phone + " (session " + sessionId + ")");
        while (true) {
            String answer = hop(sessionId, text);
            out.println("+" + "-".repeat(30));
            answer.substring(Math.min(4, answer.length())).lines().forEach(line -> out.println("| " + line));
            out.println("+" + "-".repeat(30));
            if (!answer.startsWith("CON ")) {
                return;
            }
            out.print("> ");
            out.flush();
            String input = keyboard.readLine();
            if (input == null) {
                return;
            }
            text = text.isEmpty() ? input.strip() : text + "*" + input.strip();
        }
    }

    private String hop(String sessionId, String text) throws IOException, InterruptedException {
        String form = "sessionId=" + enc(sessionId) + "&serviceCode=" + enc(code) + "&phoneNumber=" + enc(phone)
                + "&networkCode=99999&text=" + enc(text);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/at/ussd" + tokenQuery()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? response.body() : "END (HTTP " + response.statusCode() + ") " + response.body();
    }

    private void printSms(PrintStream out) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/simulator/sms?phone=" + enc(phone)))
                .timeout(Duration.ofSeconds(5)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            out.println("SMS sent to " + phone + ": " + response.body());
        }
    }

    private String tokenQuery() {
        return token.isBlank() ? "" : "?token=" + enc(token);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
