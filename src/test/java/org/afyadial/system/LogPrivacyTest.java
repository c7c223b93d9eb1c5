package org.afyadial.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
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
import org.afyadial.ussd.UssdPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
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
 * phone typed with spaces, SMS go out in development mode, a failure carrying her number is logged with its stack
 * trace. None of her phone (in any format), names, PIN or texts appears. The values are this test's own, so lines
 * other tests write meanwhile cannot make it fail; the test dispatches the SMS itself.
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

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> capture;
    private Level requestLogLevel;

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
        // DEBUG: the request log then has a line for the webhooks too
        requestLogLevel = context.getLogger(REQUESTS).getLevel();
        context.getLogger(REQUESTS).setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
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
        assertTrue(dispatcher.dispatchDue() >= 3, "the booking's SMS, the answer to her text and the staff SMS are sent");
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
