package org.afyadial.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.ClinicFixture;
import org.afyadial.MovableClock;
import org.afyadial.StaffTokens;
import org.afyadial.sms.SmsDispatcher;
import org.afyadial.staff.Role;
import org.afyadial.store.Store;
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every line the application logs (root logger, request log included, with the application's own pattern) over a
 * scenario: a patient registers and books through USSD, texts the clinic, staff search her by name and by her
 * phone typed with spaces, her lab results are recorded, SMS go out in development mode (the results notice among
 * them), a failure carrying her number is logged with its stack trace. None of her phone (in any format), names,
 * PIN or texts appears. The development SMS line is also read as written, before any encoder masks it: a clinic's
 * own logging configuration must not bring the number back. The values are this test's own, so lines other tests
 * write meanwhile cannot make it fail; the test dispatches the SMS itself.
 */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
class LogPrivacyTest {

    private static final String FIRST = "Nyokabi";
    private static final String LAST = "Chepkoech";
    private static final String PHONE = "+254722916384";
    private static final String PIN = "4826";
    private static final String INBOUND_TEXT = "Quokka lantern";
    private static final String STAFF_TEXT = "Your xylophone results are ready";
    private static final String REQUESTS = "org.afyadial.requests";
    private static final String DEVELOPMENT_SMS = "org.afyadial.sms.LocalSmsGateway";

    /** Monday 08:10 in Nairobi: no quiet hours, slots free today. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T05:10:00Z"));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    ClinicFixture clinic;

    @Inject
    SmsDispatcher dispatcher;

    @Inject
    Store store;

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final ListAppender<ILoggingEvent> smsLines = new ListAppender<>();
    private OutputStreamAppender<ILoggingEvent> capture;
    private Level requestLogLevel;
    private Level developmentSmsLevel;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void captureTheLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // the pattern of logback.xml
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %maskedMsg%n%maskedEx");
        encoder.start();
        capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setEncoder(encoder);
        capture.setOutputStream(written);
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        smsLines.setContext(context);
        smsLines.start();
        context.getLogger(DEVELOPMENT_SMS).addAppender(smsLines);
        developmentSmsLevel = context.getLogger(DEVELOPMENT_SMS).getLevel();
        context.getLogger(DEVELOPMENT_SMS).setLevel(Level.INFO);
        // DEBUG: the request log then has a line for the webhooks too
        requestLogLevel = context.getLogger(REQUESTS).getLevel();
        context.getLogger(REQUESTS).setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        context.getLogger(DEVELOPMENT_SMS).detachAppender(smsLines);
        context.getLogger(DEVELOPMENT_SMS).setLevel(developmentSmsLevel);
        smsLines.stop();
        context.getLogger(REQUESTS).setLevel(requestLogLevel);
        capture.stop();
    }

    @Test
    void noPhoneNamePinOrTextReachesTheLog() {
        clinic.doctor("Kamau", "General Medicine", "kamau");
        registerAndBookByUssd();
        http.toBlocking().exchange(HttpRequest.POST("/at/sms/inbound", "text=" + INBOUND_TEXT.replace(' ', '+')
                + "&to=21512&id=ATXid_privacy&from=%2B254722916384").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        String bearer = tokens.bearer("privacy.desk", Role.RECEPTIONIST);
        String patientId = null;
        for (String search : List.of("name=" + FIRST, "name=" + LAST.toLowerCase(), "phone=0722%20916%20384",
                "phone=%280722%29%20916-384", "phone=%2B254722916384", "phone=0722+916+384&page=0")) {
            String found = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/patients?" + search).bearerAuth(bearer));
            Matcher id = Pattern.compile("\"id\":\"(\\w+)\"").matcher(found);
            assertTrue(id.find(), search + " finds her: " + found);
            patientId = id.group(1);
        }
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/notifications/sms", Map.of("patientId", patientId,
                "text", STAFF_TEXT)).bearerAuth(bearer), String.class);
        recordLabResults(patientId);
        assertTrue(dispatcher.dispatchDue() >= 4,
                "the booking's SMS, the answer to her text, the staff SMS and the results notice are sent");
        LoggerFactory.getLogger(LogPrivacyTest.class).error("Could not reach the patient",
                new IllegalStateException("no answer from " + PHONE, new IllegalArgumentException("number 0722-916-384")));

        String log = written.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("IllegalStateException"), "the stack trace is still there: " + log);
        assertTrue(log.contains("POST /at/ussd"), "the request log is captured: " + log);
        assertTrue(log.contains("GET /api/v1/patients?name=…"), "the request log is captured: " + log);
        for (String secret : List.of("722916384", "722 916 384", "722%20916", "916-384", "916+384", "916%20384",
                "916 384", FIRST, LAST, LAST.toLowerCase(), "Quokka", "lantern", "xylophone")) {
            assertFalse(log.contains(secret), secret + " in the log:\n" + log);
        }
        assertFalse(Pattern.compile("(?<![0-9A-Za-z])" + PIN + "(?![0-9A-Za-z])").matcher(log).find(), "the PIN in the log:\n" + log);
        assertTheDevelopmentSmsLinesHoldNoNumberAndNoText(patientId, log);
    }

    /** Every SMS sent to her has its development line, which names neither her number nor anything of the text. */
    private void assertTheDevelopmentSmsLinesHoldNoNumberAndNoText(String patientId, String log) {
        List<Document> sent = store.collection("sms_outbox").find(new Document("patientId", patientId)).into(new ArrayList<>());
        assertTrue(sent.stream().anyMatch(m -> m.getString("idempotencyKey").startsWith("lab-results")),
                "the results notice is among them: " + sent);
        List<String> lines = smsLines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("6384: ")).toList();
        assertEquals(sent.size(), lines.size(), "one development line per SMS to her: " + smsLines.list);
        for (Document message : sent) {
            String text = message.getString("text");
            for (String words : List.of(text, text.substring(0, 20), text.substring(text.length() - 20))) {
                assertFalse(log.contains(words), "an SMS text in the log: " + words + "\n" + log);
                assertTrue(lines.stream().noneMatch(line -> line.contains(words)), words);
            }
        }
        for (String line : lines) {
            assertFalse(line.contains("722916384") || line.contains(PHONE), "her number in the line as written: " + line);
        }
    }

    /** A doctor orders a test and the lab records it: the patient gets the "results ready" SMS. */
    private void recordLabResults(String patientId) {
        Map<?, ?> order = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/lab-orders",
                Map.of("patientId", patientId, "tests", List.of("Haemoglobin"))).bearerAuth(tokens.bearer("dr.privacy", Role.DOCTOR)), Map.class);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/lab-orders/" + order.get("id") + "/results",
                        Map.of("test", "Haemoglobin", "value", "11.2", "unit", "g/dL", "referenceRange", "12-16", "abnormal", true))
                .bearerAuth(tokens.bearer("lab.privacy", Role.LAB)), String.class);
    }

    private void registerAndBookByUssd() {
        UssdPhone phone = new UssdPhone(http.toBlocking(), PHONE);
        phone.dial();
        phone.type("1");
        phone.type(FIRST);
        phone.type(LAST);
        phone.type("1990");
        phone.type("1");
        phone.type(PIN);
        assertTrue(phone.type(PIN).startsWith("CON Registered."));
        assertTrue(phone.type("1").contains("Hello " + FIRST));
        phone.type("1");
        phone.type("1");
        phone.type("1");
        phone.type("1");
        assertTrue(phone.type("1").startsWith("CON General Medicine"), "the confirm screen");
        String booked = phone.type("1");
        assertTrue(booked.startsWith("END Booked"), booked);
        phone.dial();
        phone.type("2");
        assertTrue(phone.type(PIN).startsWith("CON Your appointments:"));
        assertEquals(200, http.toBlocking().exchange(HttpRequest.POST("/at/ussd/events", UssdPhone.form(phone.sessionId(), PHONE, "") + "&status=Success&hopsCount=3")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).code());
    }
}
