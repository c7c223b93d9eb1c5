package org.afyadial.sms;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.at.FakeAtServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatcher against the fake AT: outage, several instances, permanent and transient failures, leases. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsDispatcherTest implements TestPropertyProvider {

    /** A Tuesday, 10:00 in Nairobi: outside quiet hours. */
    private static final Instant START = Instant.parse("2026-03-03T07:00:00Z");

    private final FakeAtServer fake = new FakeAtServer();
    private final MovableClock clock = new MovableClock(START);

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxStore store;
    @Inject
    SmsGateway gateway;
    @Inject
    SmsAlerts alerts;
    @Inject
    SmsSettings settings;
    @Inject
    ApplicationEventPublisher<SmsRecipientRefused> refusals;
    @Inject
    org.afyadial.store.Store database;
    @Inject
    SmsMeters meters;

    @Override
    public Map<String, String> getProperties() {
        return FakeAtProperties.pointingAt(fake);
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    private ResilientSender sender;
    private SmsDispatcher dispatcher;

    /** Every test starts with an empty outbox, a healthy fake AT and a closed circuit breaker. */
    @BeforeEach
    void freshStart() {
        database.collection(OutboxStore.COLLECTION).deleteMany(new Document());
        alerts.resumeSending();
        fake.reset();
        clock.set(START);
        sender = new ResilientSender(gateway, settings, clock);
        dispatcher = new SmsDispatcher(store, sender, alerts, settings, clock, refusals, meters, "first");
    }

    private List<String> queue(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = prefix + " message " + i;
            outbox.queue(SmsRequest.now(prefix + ":" + i, null, "+2547000" + String.format("%05d", i), "en", text, MessageKind.STAFF));
            texts.add(text);
        }
        return texts;
    }

    private OutboxMessage only(String idempotencyKey) {
        return store.find(eq("idempotencyKey", idempotencyKey), 0, 1).getFirst();
    }

    private long countIn(OutboxStatus... statuses) {
        return store.count(in("status", java.util.Arrays.stream(statuses).map(Enum::name).toList()));
    }

    @Test
    void theRequestCarriesTheAccountTheTextAndTheSenderId() {
        outbox.queue(SmsRequest.now("form:1", null, "+254711000001", "sw", "Karibu kliniki", MessageKind.STAFF));

        assertEquals(1, dispatcher.dispatchDue());

        FakeAtServer.Received request = fake.received().getLast();
        assertEquals(Map.of("username", "afyadial-test", "to", "+254711000001", "message", "Karibu kliniki", "from", "AFYADIAL"), request.form());
        assertEquals("test-api-key", request.apiKey());
        OutboxMessage sent = only("form:1");
        assertEquals(OutboxStatus.SENT, sent.status());
        assertTrue(sent.messageId().startsWith("ATXid_"));
        assertEquals(clock.instant(), sent.sentAt());
    }

    @Test
    void queuingTheSameIdempotencyKeyTwiceIsANoOp() {
        assertTrue(outbox.queue(SmsRequest.now("once:1", null, "+254711000002", "en", "first", MessageKind.STAFF)).isPresent());
        assertFalse(outbox.queue(SmsRequest.now("once:1", null, "+254711000002", "en", "second", MessageKind.STAFF)).isPresent());

        dispatcher.dispatchDue();

        assertEquals(1, fake.acceptedTimes("first"));
        assertEquals(0, fake.acceptedTimes("second"));
    }

    @Test
    void queuingSeveralAtOnceLeavesOutOnlyTheKeysQueuedBefore() {
        outbox.queue(SmsRequest.now("batch:2", null, "+254711000003", "en", "second, queued before", MessageKind.STAFF));

        outbox.queueAll(List.of(
                SmsRequest.now("batch:1", null, "+254711000003", "en", "first", MessageKind.STAFF),
                SmsRequest.now("batch:2", null, "+254711000003", "en", "second, again", MessageKind.STAFF),
                SmsRequest.now("batch:3", null, "+254711000003", "en", "third", MessageKind.STAFF)));
        dispatcher.dispatchDue();

        assertEquals(List.of(1, 1, 0, 1), List.of(fake.acceptedTimes("first"), fake.acceptedTimes("second, queued before"),
                fake.acceptedTimes("second, again"), fake.acceptedTimes("third")));
    }

    @ParameterizedTest(name = "recipient status {0} -> {1}")
    @CsvSource(textBlock = """
            # AT recipient code, outbox status after one round, attempt counted, refusal published
            101, SENT,   true,  false
            102, SENT,   true,  false
            401, FAILED, true,  false
            403, FAILED, true,  true
            404, FAILED, true,  true
            406, FAILED, true,  true
            407, FAILED, true,  false
            409, FAILED, true,  false
            500, QUEUED, true,  false
            501, QUEUED, true,  false
            502, QUEUED, true,  false
            405, QUEUED, false, false
            """)
    void recipientStatusCodesArePermanentOrTransient(int code, OutboxStatus expected, boolean attemptCounted, boolean refusal) {
        String phone = "+254722000" + code;
        if (code >= 400) {
            fake.failRecipient(phone, code);
        }
        outbox.queue(SmsRequest.now("code:" + code, "patient-" + code, phone, "en", "code " + code, MessageKind.STAFF));
        int refusalsBefore = RefusalsSeen.count();

        dispatcher.dispatchDue();

        OutboxMessage message = only("code:" + code);
        assertEquals(expected, message.status());
        assertEquals(attemptCounted ? 1 : 0, message.attempts());
        assertEquals(refusal ? refusalsBefore + 1 : refusalsBefore, RefusalsSeen.count());
        if (expected == OutboxStatus.QUEUED && code != 405) {
            assertTrue(message.notBefore().isAfter(clock.instant()), "a transient failure waits before the next try");
            assertTrue(message.lastError().contains(String.valueOf(code)), message.lastError());
        }
        assertEquals(code == 405, alerts.sendingPaused());
    }

    @ParameterizedTest(name = "AT answers {0}")
    @CsvSource(textBlock = """
            # how AT fails the whole request
            HTTP_500
            HTTP_503
            HTTP_401
            RESET_CONNECTION
            """)
    void failuresOfTheWholeRequestAreTransient(String failure) {
        if (failure.equals("RESET_CONNECTION")) {
            fake.resetConnections();
        } else {
            fake.answerHttp(Integer.parseInt(failure.substring(5)));
        }
        outbox.queue(SmsRequest.now("whole:" + failure, null, "+254733000001", "en", "whole " + failure, MessageKind.STAFF));

        dispatcher.dispatchDue();

        OutboxMessage message = only("whole:" + failure);
        assertEquals(OutboxStatus.QUEUED, message.status());
        assertEquals(1, message.attempts());
        assertTrue(message.notBefore().isAfter(clock.instant()));
        assertEquals(settings.retryAttempts(), fake.received().size(), "each call is retried before the message goes back");
    }

    /**
     * AT got the call and gave no answer within the read timeout: it may have sent the SMS, and takes no idempotency
     * key. As for a call a crash cut, the message is FAILED, saying why, and never sent again.
     */
    @Test
    void aSendAtDoesNotAnswerInTimeIsFailedAndNeverSentAgain() {
        fake.delay(Duration.ofSeconds(6)); // above the 5 s read timeout of the tests
        outbox.queue(SmsRequest.now("slow:1", null, "+254733000002", "en", "slow answer", MessageKind.STAFF));

        dispatcher.dispatchDue();
        assertEquals(1, fake.received().size(), "one call, not retried");
        fake.reset();
        for (int round = 0; round < 3; round++) {
            clock.advance(Duration.ofHours(2)); // past any requeue backoff and open circuit breaker
            dispatcher.dispatchDue();
        }

        OutboxMessage message = only("slow:1");
        assertEquals(OutboxStatus.FAILED, message.status());
        assertEquals(1, message.attempts());
        assertTrue(message.lastError().startsWith("AT gave no answer within 5 s; not sent again"), message.lastError());
        assertEquals(0, fake.received().size(), "no call after the one left unanswered");
    }

    @Test
    void aMessageThatKeepsFailingTransientlyFailsAfterMaxAttempts() {
        fake.failRecipient("+254744000001", 502);
        outbox.queue(SmsRequest.now("stubborn:1", null, "+254744000001", "en", "stubborn", MessageKind.STAFF));

        for (int round = 0; round < 50 && only("stubborn:1").status() == OutboxStatus.QUEUED; round++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofHours(2)); // past the requeue backoff and the open circuit breaker
        }

        OutboxMessage message = only("stubborn:1");
        assertEquals(OutboxStatus.FAILED, message.status());
        assertEquals(settings.maxAttempts(), message.attempts());
        assertTrue(message.lastError().startsWith("gave up after"), message.lastError());
    }

    @Test
    void aFiveMinuteOutageLosesNothingAndSendsNothingTwice() {
        List<String> texts = queue("outage", 60);
        fake.answerHttp(503);

        for (Duration down = Duration.ZERO; down.compareTo(Duration.ofMinutes(5)) < 0; down = down.plusSeconds(10)) {
            assertEquals(0, dispatcher.dispatchDue());
            clock.advance(Duration.ofSeconds(10));
        }
        assertEquals(60, countIn(OutboxStatus.QUEUED), "every message waits in the queue during the outage");
        assertEquals(0, fake.accepted());

        fake.accept();
        for (int round = 0; round < 100 && countIn(OutboxStatus.QUEUED, OutboxStatus.SENDING) > 0; round++) {
            dispatcher.dispatchDue();
            clock.advance(Duration.ofSeconds(30));
        }

        assertEquals(60, countIn(OutboxStatus.SENT));
        texts.forEach(text -> assertEquals(1, fake.acceptedTimes(text), text));
    }

    @Test
    void whileTheBreakerIsOpenMessagesStayQueuedWithoutSpendingAttempts() {
        fake.answerHttp(500);
        queue("breaker", 30);
        dispatcher.dispatchDue(); // enough failures to open the breaker
        assertEquals(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN, sender.breakerState());
        int requestsWhileOpen = fake.received().size();

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();

        assertEquals(requestsWhileOpen, fake.received().size(), "no call reaches AT while the breaker is open");
        assertEquals(30, countIn(OutboxStatus.QUEUED));
        long spent = store.find(eq("status", "QUEUED"), 0, 100).stream().mapToInt(OutboxMessage::attempts).filter(a -> a > 1).count();
        assertEquals(0, spent, "refused calls do not count as attempts");
    }

    @Test
    void threeDispatchersSendTenThousandMessagesExactlyOnce() throws Exception {
        Instant now = clock.instant();
        List<OutboxMessage> messages = IntStream.range(0, 10_000)
                .mapToObj(i -> outbox.prepare(SmsRequest.now("many:" + i, null, "+2547" + (10_000_000 + i), "en", "many " + i, MessageKind.REPLY), now))
                .toList();
        store.insertAllOnce(messages);
        List<SmsDispatcher> dispatchers = List.of(dispatcher,
                new SmsDispatcher(store, sender, alerts, settings, clock, refusals, meters, "second"),
                new SmsDispatcher(store, sender, alerts, settings, clock, refusals, meters, "third"));

        List<Callable<Integer>> runs = dispatchers.stream().map(d -> (Callable<Integer>) () -> {
            int sent = 0;
            for (int round; (round = d.dispatchDue()) > 0; ) {
                sent += round;
            }
            return sent;
        }).toList();
        int total = 0;
        try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
            for (Future<Integer> run : threads.invokeAll(runs)) {
                total += run.get();
            }
        }

        assertEquals(10_000, total);
        assertEquals(10_000, fake.accepted());
        assertEquals(0, fake.duplicates());
        assertEquals(10_000, countIn(OutboxStatus.SENT));
    }

    @Test
    void aCrashedDispatchersLeaseExpiresAndAnotherSendsTheMessage() {
        outbox.queue(SmsRequest.now("crash:1", null, "+254755000001", "en", "after a crash", MessageKind.STAFF));
        OutboxMessage claimedByTheDead = store.claim(store.claimable(clock.instant(), 1).getFirst(), "crashed", clock.instant(), settings.lease()).orElseThrow();

        assertEquals(0, dispatcher.dispatchDue(), "the lease still holds");
        clock.advance(settings.lease().plusSeconds(1));
        assertEquals(1, dispatcher.dispatchDue());

        OutboxMessage sent = only("crash:1");
        assertEquals(OutboxStatus.SENT, sent.status());
        assertEquals(2, sent.attempts());
        assertFalse(store.finishLease(claimedByTheDead, clock.instant(), new Document("$set", new Document("status", "FAILED"))),
                "the crashed dispatcher can no longer change the message");
        assertEquals(1, fake.acceptedTimes("after a crash"));
    }

    @Test
    void aMessageWhoseCallWasUnderWayWhenItsDispatcherDiedIsMarkedFailedNotSentAgain() {
        outbox.queue(SmsRequest.now("crash:2", null, "+254755000002", "en", "maybe accepted", MessageKind.STAFF));
        OutboxMessage claimedByTheDead = store.claim(store.claimable(clock.instant(), 1).getFirst(), "crashed", clock.instant(), settings.lease()).orElseThrow();
        store.markSubmitted(claimedByTheDead, clock.instant()); // then the provider was called, and the dispatcher died

        clock.advance(settings.lease().plusSeconds(1));
        assertEquals(0, dispatcher.dispatchDue());
        assertEquals(0, dispatcher.dispatchDue());

        OutboxMessage interrupted = only("crash:2");
        assertEquals(OutboxStatus.FAILED, interrupted.status());
        assertEquals(OutboxStore.INTERRUPTED, interrupted.lastError());
        assertEquals(0, fake.acceptedTimes("maybe accepted"), "not sent by any other dispatcher");
    }

    @Test
    void insufficientBalancePausesEveryDispatcherUntilResumed() {
        fake.failRecipient("+254766000001", 405);
        outbox.queue(SmsRequest.now("broke:1", null, "+254766000001", "en", "no credit", MessageKind.STAFF));
        dispatcher.dispatchDue();
        assertTrue(alerts.sendingPaused());
        fake.clearRecipientFailures();
        int requests = fake.received().size();

        assertEquals(0, dispatcher.dispatchDue());
        assertEquals(requests, fake.received().size());

        alerts.resumeSending();
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(OutboxStatus.SENT, only("broke:1").status());
    }

    @Test
    void anExpiredMessageIsNotSent() {
        outbox.queue(new SmsRequest("late:1", null, "+254777000001", "en", "too late", MessageKind.REPLY,
                null, clock.instant().plusSeconds(60)));
        clock.advance(Duration.ofMinutes(2));

        assertEquals(0, dispatcher.dispatchDue());

        assertEquals(OutboxStatus.EXPIRED, only("late:1").status());
        assertEquals(0, fake.acceptedTimes("too late"));
    }
}
