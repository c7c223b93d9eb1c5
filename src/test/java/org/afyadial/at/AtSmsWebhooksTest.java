package org.afyadial.at;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.sms.MessageKind;
import org.afyadial.sms.Outbox;
import org.afyadial.sms.SmsDispatcher;
import org.afyadial.sms.SmsRequest;
import org.afyadial.store.Store;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** AT's SMS callbacks as raw form payloads: delivery reports in any order, incoming texts and their redeliveries. */
@MicronautTest(transactional = false)
@Property(name = "afyadial.sms.schedule-enabled", value = "false")
class AtSmsWebhooksTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Outbox outbox;
    @Inject
    SmsDispatcher dispatcher;
    @Inject
    Store store;

    @BeforeEach
    void emptyCollections() {
        store.collection("sms_outbox").deleteMany(new Document());
        store.collection("sms_inbound").deleteMany(new Document());
    }

    private HttpStatus post(String path, String form) {
        return http.toBlocking().exchange(HttpRequest.POST(path, form).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)).getStatus();
    }

    private Document outboxDocument(String key) {
        return store.collection("sms_outbox").find(new Document("idempotencyKey", key)).first();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            # reports in arrival order,           final outbox status, last error
            Success,                              DELIVERED,
            Sent,                                 SENT,
            Buffered;Success,                     DELIVERED,
            Success;Failed,                       DELIVERED,
            Success;Sent,                         DELIVERED,
            Success;Buffered;Submitted,           DELIVERED,
            Failed:DeliveryFailure,               FAILED,              delivery failed: DeliveryFailure
            Failed:DeliveryFailure;Success,       DELIVERED,           delivery failed: DeliveryFailure
            Rejected:UserInBlackList;Sent,        FAILED,              delivery failed: UserInBlackList
            AbsentSubscriber,                     FAILED,              delivery failed: AbsentSubscriber
            Expired;Buffered,                     FAILED,              delivery failed: Expired
            Success;Success,                      DELIVERED,
            Bogus,                                SENT,
            """)
    void deliveryReportsNeverMoveAMessageBackwards(String reports, String expectedStatus, String expectedError) {
        String key = "dlr:" + reports;
        outbox.queue(SmsRequest.now(key, null, "+254712000001", "en", "report me", MessageKind.REPLY));
        dispatcher.dispatchDue();
        String messageId = outboxDocument(key).getString("messageId");

        for (String report : reports.split(";")) {
            String[] statusAndReason = report.split(":");
            String reason = statusAndReason.length > 1 ? "&failureReason=" + statusAndReason[1] : "";
            assertEquals(HttpStatus.OK, post("/at/sms/delivery",
                    "id=" + messageId + "&status=" + statusAndReason[0] + "&phoneNumber=%2B254712000001&networkCode=63902" + reason));
        }

        Document message = outboxDocument(key);
        assertEquals(expectedStatus, message.getString("status"));
        assertEquals(expectedError, message.getString("lastError"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            # payload (unknown ids and garbage are still 200, so AT stops retrying)
            id=ATXid_unknown&status=Success&phoneNumber=%2B254712000001&networkCode=63902
            id=&status=Success
            status=Failed&failureReason=DeliveryFailure
            id=ATXid_1&status=
            """)
    void unusableDeliveryReportsAreAcknowledged(String payload) {
        assertEquals(HttpStatus.OK, post("/at/sms/delivery", payload));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # raw AT payload | stored phone (empty: nothing stored) | stored received at
            linkId=SampleLinkId123&text=Msg&to=21512&id=ATXid_a1&date=2017-05-03T06%3A04%3A45Z&from=%2B254791725651 | +254791725651 | 2017-05-03T06:04:45Z
            text=help&to=21512&id=ATXid_a2&date=2017-05-03+06%3A04%3A45&from=0791725652&networkCode=63902         | +254791725652 | 2017-05-03T06:04:45Z
            text=Msg&to=21512&id=ATXid_a3&date=yesterday&from=%2B254791725653                                       | +254791725653 |
            text=Msg&to=21512&date=2017-05-03T06%3A04%3A45Z&from=%2B254791725654                                    |               |
            text=Msg&to=21512&id=ATXid_a5&from=not-a-phone                                                          |               |
            """)
    void incomingTextsAreStoredOnce(String payload, String phone, String receivedAt) {
        assertEquals(HttpStatus.OK, post("/at/sms/inbound", payload));
        assertEquals(HttpStatus.OK, post("/at/sms/inbound", payload));

        List<Document> stored = store.collection("sms_inbound").find().into(new java.util.ArrayList<>());
        if (phone == null) {
            assertEquals(0, stored.size());
            return;
        }
        assertEquals(1, stored.size(), "a redelivery is not stored twice");
        assertEquals(phone, stored.getFirst().getString("phone"));
        if (receivedAt != null) {
            assertEquals(Instant.parse(receivedAt), stored.getFirst().getDate("receivedAt").toInstant());
        }
        assertEquals(1, store.collection("sms_outbox").countDocuments(new Document("phone", phone)), "one answer, not two");
    }

    @Test
    void helpRepliesAreRateLimitedPerPhone() {
        for (int i = 0; i < 5; i++) {
            post("/at/sms/inbound", "text=auto+reply+" + i + "&to=21512&id=ATXid_loop" + i + "&from=%2B254791725660");
        }
        post("/at/sms/inbound", "text=hello&to=21512&id=ATXid_other&from=%2B254791725661");

        assertEquals(6, store.collection("sms_inbound").countDocuments());
        assertEquals(1, store.collection("sms_outbox").countDocuments(new Document("phone", "+254791725660")));
        assertEquals(1, store.collection("sms_outbox").countDocuments(new Document("phone", "+254791725661")));
        assertNull(store.collection("sms_inbound").find(new Document("_id", "ATXid_loop0")).first().getString("command"));
    }
}
