package org.afyadial.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** logback.xml: LOG_FORMAT=json writes one JSON object per line, phone numbers masked, with the request id. */
class JsonLogFormatTest {

    private final JsonMapper json = JsonMapper.createDefault();

    private static LoggerContext configured(String logFormat) throws JoranException {
        LoggerContext context = new LoggerContext();
        if (logFormat != null) {
            context.putProperty("LOG_FORMAT", logFormat);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
        return context;
    }

    @Test
    void textIsTheDefault() throws JoranException {
        LoggerContext context = configured(null);
        assertNotNull(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("text"));
        assertNull(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("json"));
    }

    @Test
    void jsonIsOneObjectPerLineWithTheMessageMaskedAndTheRequestId() throws JoranException, IOException {
        LoggerContext context = configured("json");
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> appender = (OutputStreamAppender<ILoggingEvent>) root.getAppender("json");
        assertNull(root.getAppender("text"));
        LoggingEvent event = new LoggingEvent(JsonLogFormatTest.class.getName(), context.getLogger("org.afyadial.sms"),
                Level.INFO, "Sent \"reminder\" to {}", null, new Object[] {"+254712345678"});
        event.setMDCPropertyMap(Map.of(RequestIds.MDC_KEY, "abc123"));

        String line = new String(appender.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, line);
        JsonNode logged = json.readValue(line, JsonNode.class);
        assertEquals("Sent \"reminder\" to +2547****5678", logged.get("message").getStringValue());
        assertFalse(line.contains("712345678"), line);
        assertEquals("abc123", logged.get(RequestIds.MDC_KEY).getStringValue());
        assertEquals("INFO", logged.get("level").getStringValue());
        assertEquals("org.afyadial.sms", logged.get("logger_name").getStringValue());
        assertNotNull(logged.get("time"));
    }
}
