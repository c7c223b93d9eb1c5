package org.afyadial.store;

import org.afyadial.TestStoreSwitch;
import org.afyadial.at.FakeAtServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What the service acknowledged survives {@code kill -9}: the service runs as a child JVM on a data directory, is
 * killed the moment its last answer arrives, and started again on the same directory, round after round. Each round
 * acknowledges a USSD booking (its END screen), a patient registered through the REST API (201) and an SMS queued by
 * staff (202), the last of them a different one each round, and every later start finds all of them. An SMS that
 * Africa's Talking accepted is not sent again by the service started after the kill.
 */
class KillAfterAcknowledgementTest {

    private static final int ROUNDS = 5;
    private static final String ADMIN_PASSWORD = "crash-test-password";
    private static final Pattern PORT = Pattern.compile("Server Running: http://[^:]+:(\\d+)");

    @TempDir
    Path dataDir;

    /** Something acknowledged, and how to find it again. */
    private record Acknowledged(String what, String path, String expected) {
    }

    @Test
    void everyAcknowledgedWriteIsFoundAfterTheServiceIsKilled() throws Exception {
        assumeFalse(TestStoreSwitch.usesContainer(), "the embedded store's file is what is tested");
        List<Acknowledged> acknowledged = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Service service = Service.start(dataDir);
            try {
                String token = service.login();
                assertAllFound(service, token, acknowledged);
                List<Supplier<Acknowledged>> writes = writesOfRound(service, token, round);
                // a different kind of write is answered last, just before the kill, in each round
                for (int i = 0; i < writes.size(); i++) {
                    acknowledged.add(writes.get((round + i) % writes.size()).get());
                }
            } finally {
                service.kill();
            }
        }
        Service last = Service.start(dataDir);
        try {
            assertAllFound(last, last.login(), acknowledged);
        } finally {
            last.kill();
        }
    }

    @Test
    void anSmsTheProviderAcceptedJustBeforeTheKillIsNotSentAgain() throws Exception {
        assumeFalse(TestStoreSwitch.usesContainer(), "the embedded store's file is what is tested");
        String text = "Your results are ready";
        CountDownLatch accepted = new CountDownLatch(1);
        try (FakeAtServer at = new FakeAtServer()) {
            at.onAccepted(message -> {
                if (message.equals(text)) {
                    accepted.countDown();
                }
            });
            // a lease far shorter than a restart takes: a message left to be sent again would be, at once
            Map<String, String> sendingThroughAt = Map.of("AT_API_KEY", "kill-test", "AT_SMS_BASE_URL", at.baseUrl(),
                    "SMS_DISPATCH_INTERVAL", "200ms", "AFYADIAL_SMS_LEASE", "2s", "QUIET_HOURS", "00:00-00:00");
            String patientId;
            Service service = Service.start(dataDir, sendingThroughAt);
            try {
                String token = service.login();
                patientId = service.registerPatient(token, "+254744000001");
                service.queueSms(token, patientId, text);
                assertTrue(accepted.await(2, TimeUnit.MINUTES), "the message reached the provider");
            } finally {
                service.kill();
            }
            Service restarted = Service.start(dataDir, sendingThroughAt);
            try {
                restarted.awaitNothingToSend(restarted.login(), patientId);
            } finally {
                restarted.kill();
            }
            assertEquals(1, at.acceptedTimes(text));
        }
    }

    private List<Supplier<Acknowledged>> writesOfRound(Service service, String token, int round) {
        String patientId = service.registerPatient(token, "+25471100000" + round);
        return List.of(
                () -> service.bookByUssd("+25472200000" + round),
                () -> service.registerPatientAcknowledged(token, "+25473300000" + round),
                () -> service.queueSms(token, patientId, "Round " + round + ": your results are ready"));
    }

    private void assertAllFound(Service service, String token, List<Acknowledged> acknowledged) {
        for (Acknowledged ack : acknowledged) {
            HttpResponse<String> found = service.get(token, ack.path());
            assertEquals(200, found.statusCode(), ack.what());
            assertTrue(found.body().contains(ack.expected()), ack.what() + " not found in " + found.body());
        }
    }

    /** The service in a child JVM, on the test's class path without the test classes (they switch to an in-memory store). */
    private static final class Service {

        private final Process process;
        private final URI base;
        private final HttpClient http = HttpClient.newHttpClient();

        private Service(Process process, URI base) {
            this.process = process;
            this.base = base;
        }

        static Service start(Path dataDir) throws IOException {
            return start(dataDir, Map.of());
        }

        /** {@code environment} adds to and overrides the variables every start sets. */
        static Service start(Path dataDir, Map<String, String> environment) throws IOException {
            String classPath = Arrays.stream(System.getProperty("surefire.test.class.path",
                            System.getProperty("java.class.path")).split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.endsWith("test-classes"))
                    .collect(Collectors.joining(java.io.File.pathSeparator));
            ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                    "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", classPath, "org.afyadial.Application")
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("AFYADIAL_") || name.startsWith("MONGODB") || name.startsWith("AT_"));
            env.putAll(Map.of("AFYADIAL_DATA_DIR", dataDir.toString(), "PORT", "-1", "AFYADIAL_DEMO_DATA", "true",
                    "AFYADIAL_ADMIN_PASSWORD", ADMIN_PASSWORD, "AUTH_BCRYPT_COST", "4", "SMS_DISPATCH_INTERVAL", "1h"));
            env.putAll(environment);
            Process process = builder.start();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread.ofPlatform().daemon().start(() -> readLog(process, port));
            try {
                return new Service(process, URI.create("http://127.0.0.1:" + port.get(120, TimeUnit.SECONDS)));
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("the service did not start", e);
            }
        }

        /** Reads the child's log to its end (a full pipe would stop it), and finds its port there. */
        private static void readLog(Process process, CompletableFuture<Integer> port) {
            try (BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = log.readLine()) != null; ) {
                    Matcher running = PORT.matcher(line);
                    if (running.find()) {
                        port.complete(Integer.parseInt(running.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("the service exited with " + process.exitValue()));
        }

        /** SIGKILL, at once: nothing is flushed or closed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        String login() {
            HttpResponse<String> tokens = send(json("/api/v1/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}"));
            assertEquals(200, tokens.statusCode(), tokens.body());
            return field(tokens.body(), "access_token");
        }

        Acknowledged bookByUssd(String phone) {
            String sessionId = "ATUid_" + phone.substring(1);
            // language, first and last name, year of birth, sex, PIN twice, main menu, book: the first service, doctor,
            // day and time, then confirm
            List<String> inputs = List.of("1", "Amina", "Otieno", "1990", "1", "1234", "1234", "1", "1", "1", "1", "1", "1", "1");
            String screen = ussd(sessionId, phone, "");
            for (int i = 1; i <= inputs.size(); i++) {
                screen = ussd(sessionId, phone, String.join("*", inputs.subList(0, i)));
            }
            Matcher booked = Pattern.compile("^END Booked: .* Ref (AFD-\\w+)\\.").matcher(screen);
            assertTrue(booked.find(), screen);
            return new Acknowledged("USSD booking " + booked.group(1) + " of " + phone,
                    "/api/v1/appointments?size=100", "\"reference\":\"" + booked.group(1) + "\"");
        }

        private String ussd(String sessionId, String phone, String text) {
            String form = "sessionId=" + sessionId + "&serviceCode=" + encode("*384*1#") + "&phoneNumber="
                    + encode(phone) + "&networkCode=63902&text=" + encode(text);
            HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/at/ussd"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertEquals(200, answer.statusCode(), answer.body());
            return answer.body();
        }

        String registerPatient(String token, String phone) {
            return field(registerPatientAcknowledged(token, phone).expected(), "id");
        }

        Acknowledged registerPatientAcknowledged(String token, String phone) {
            HttpResponse<String> created = send(json("/api/v1/patients", token,
                    "{\"firstName\":\"Baraka\",\"lastName\":\"Mwangi\",\"phone\":\"" + phone + "\",\"language\":\"en\"}"));
            assertEquals(201, created.statusCode(), created.body());
            String id = field(created.body(), "id");
            String identifier = field(created.body(), "identifier");
            return new Acknowledged("patient " + identifier, "/api/v1/patients/" + id,
                    "\"id\":\"" + id + "\",\"identifier\":\"" + identifier + "\"");
        }

        Acknowledged queueSms(String token, String patientId, String text) {
            HttpResponse<String> queued = send(json("/api/v1/notifications/sms", token,
                    "{\"patientId\":\"" + patientId + "\",\"text\":\"" + text + "\"}"));
            assertEquals(202, queued.statusCode(), queued.body());
            return new Acknowledged("SMS " + text, "/api/v1/notifications?patientId=" + patientId + "&size=100",
                    "\"id\":\"" + field(queued.body(), "id") + "\"");
        }

        /** Waits until none of the patient's messages is waiting to be sent or being sent. */
        void awaitNothingToSend(String token, String patientId) throws InterruptedException {
            String messages = "/api/v1/notifications?patientId=" + patientId + "&size=100";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            for (String page = get(token, messages).body(); page.contains("\"status\":\"QUEUED\"") || page.contains("\"status\":\"SENDING\"");
                 page = get(token, messages).body()) {
                assertTrue(System.nanoTime() < deadline, "still to be sent: " + page);
                Thread.sleep(100); // polling the service's state, which moves on its own dispatch rounds
            }
        }

        HttpResponse<String> get(String token, String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET());
        }

        private HttpRequest.Builder json(String path, String token, String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String field(String json, String name) {
            Matcher value = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
            assertTrue(value.find(), name + " in " + json);
            return value.group(1);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
