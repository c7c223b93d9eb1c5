package org.afyadial.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.StaffTokens;
import org.afyadial.sms.SmsGateway;
import org.afyadial.staff.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log, written with the application's own pattern, over a scenario: staff register a patient and search
 * her by name and by her phone typed several ways, she texts the clinic, an SMS goes out in development
 * mode, a failure carrying her number is logged with its stack trace. No phone, name or text appears.
 */
@MicronautTest(transactional = false)
class LogPrivacyTest {

    private static final String FIRST = "Zuhura";
    private static final String LAST = "Kiptoo";
    private static final String INBOUND_TEXT = "Halloween pumpkin";
    private static final String OUTBOUND_TEXT = "Your malaria test is negative";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    StaffTokens tokens;

    @Inject
    SmsGateway gateway;

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> capture;

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
        // another test of the run may have quietened the request log: this one reads it
        context.getLogger("org.afyadial.requests").setLevel(Level.INFO);
    }

    @AfterEach
    void stopCapturing() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
    }

    @Test
    void noPhoneNameOrTextReachesTheLog() {
        String bearer = tokens.bearer("privacy.desk", Role.RECEPTIONIST);
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/patients", Map.of("firstName", FIRST, "lastName", LAST,
                "phone", "0722 240 405", "language", "sw", "smsOptIn", true)).bearerAuth(bearer), String.class);
        for (String search : List.of("name=" + FIRST, "name=" + LAST.toLowerCase(), "phone=0722%20240%20405",
                "phone=%280722%29%20240-405", "phone=%2B254722240405", "phone=0722+240+405&page=0")) {
            http.toBlocking().exchange(HttpRequest.GET("/api/v1/patients?" + search).bearerAuth(bearer), String.class);
        }
        http.toBlocking().exchange(HttpRequest.POST("/at/sms/inbound", "text=" + INBOUND_TEXT.replace(' ', '+')
                + "&to=21512&id=ATXid_privacy&from=%2B254722240405").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        gateway.send("+254722240405", OUTBOUND_TEXT);
        LoggerFactory.getLogger(LogPrivacyTest.class).error("Could not reach the patient",
                new IllegalStateException("no answer from +254722240405", new IllegalArgumentException("number 0722-240-405")));

        String log = written.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("IllegalStateException"), "the stack trace is still there: " + log);
        for (String secret : List.of("722240405", "722 240 405", "722%20240", "240-405", "240+405", "240%20405",
                FIRST, LAST, LAST.toLowerCase(), "Halloween", "pumpkin", "malaria")) {
            assertFalse(log.contains(secret), secret + " in the log:\n" + log);
        }
    }
}
