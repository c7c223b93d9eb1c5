package org.afyadial.sms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Anyone may post to the inbound webhook: a text a concatenated SMS can hold is kept cut to its first
 * characters; anything longer, or a form no SMS can produce, is answered 200 (AT must not retry it),
 * logged by its length only and not stored.
 */
@MicronautTest(transactional = false)
class InboundLogTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Store store;

    @ParameterizedTest(name = "text of {0} characters, form padded by {1}: stored {2}")
    @CsvSource(textBlock = """
            # text length, padding field, characters stored (-1: nothing)
            20,      0,      20
            1000,    0,      480
            1600,    0,      480
            1601,    0,      -1
            200000,  0,      -1
            20,      100000, -1
            """)
    void aTextIsKeptCutAndAnAbsurdOneIsDroppedUnread(int textLength, int padding, int storedLength) {
        String id = "ATXid_len" + textLength + "_" + padding;
        String text = "w".repeat(textLength);
        String form = "text=" + text + "&to=21512&id=" + id + "&from=%2B254791725670"
                + (padding > 0 ? "&linkId=" + "p".repeat(padding) : "");
        Logger webhook = (Logger) LoggerFactory.getLogger("org.afyadial.at.AtSmsInboundController");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        webhook.addAppender(lines);
        HttpStatus answer;
        try {
            answer = http.toBlocking().exchange(HttpRequest.POST("/at/sms/inbound", form)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).getStatus();
        } finally {
            webhook.detachAppender(lines);
        }

        assertEquals(HttpStatus.OK, answer);
        Document stored = store.collection("sms_inbound").find(new Document("_id", id)).first();
        if (storedLength < 0) {
            assertNull(stored);
            assertEquals(1, lines.list.size(), "one line says it was dropped");
            assertFalse(lines.list.getFirst().getFormattedMessage().contains("www"), "the text is not logged");
            return;
        }
        assertEquals("w".repeat(storedLength), stored.getString("text"));
        assertEquals(textLength, stored.getInteger("textLength"));
    }
}
