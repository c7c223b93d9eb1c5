package org.afyadial.sms;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Anyone may post to the inbound webhook: a huge text is cut to what is kept, so it cannot grow the store. */
@MicronautTest(transactional = false)
class InboundLogTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Store store;

    @Test
    void aHugeTextIsCutToWhatIsKept() {
        String form = "text=" + "x".repeat(200_000) + "&to=21512&id=ATXid_huge&from=%2B254791725670";

        HttpStatus answer = http.toBlocking().exchange(HttpRequest.POST("/at/sms/inbound", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).getStatus();

        assertEquals(HttpStatus.OK, answer);
        Document stored = store.collection("sms_inbound").find(new Document("_id", "ATXid_huge")).first();
        assertEquals("x".repeat(InboundLog.KEPT_CHARACTERS), stored.getString("text"));
        assertEquals(200_000, stored.getInteger("textLength"));
    }
}
