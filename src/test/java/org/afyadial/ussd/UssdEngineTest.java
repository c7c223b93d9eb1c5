package org.afyadial.ussd;

import com.mongodb.client.model.Filters;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.afyadial.MovableClock;
import org.afyadial.store.Store;
import org.afyadial.system.ClinicSettings;
import org.afyadial.system.PhoneNumbers;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine's rules, through {@code POST /at/ussd}, on the test menus (src/test/resources/test-menus). */
@MicronautTest(transactional = false)
@Property(name = "afyadial.ussd.menus-dir", value = TestActions.MENUS)
class UssdEngineTest {

    private static final AtomicInteger PHONES = new AtomicInteger();

    @Inject
    @Client("/")
    HttpClient client;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T07:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Inject
    TestActions.PlaceOrder placeOrder;

    @Inject
    Store store;

    @Inject
    UssdEngine engine;

    @Inject
    MenuCatalog catalog;

    @Inject
    ActionRegistry actions;

    @Inject
    UssdSettings settings;

    @Inject
    ClinicSettings clinic;

    @Inject
    PhoneNumbers phoneNumbers;

    private BlockingHttpClient http;
    private UssdPhone phone;

    @BeforeEach
    void setUp() {
        http = client.toBlocking();
        phone = newPhone();
    }

    private UssdPhone newPhone() {
        return new UssdPhone(http, "+2547000%05d".formatted(PHONES.incrementAndGet()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''         | ^CON Test home hi\\n1\\. Fruits\\n2\\. Order\\n3\\. Francais\\n4\\. Kiswahili\\n5\\. Crash$
            2          | ^CON Your name\\?\\n0 Back 00 Menu$
            Amina      | ^CON Year of birth\\?
            1800       | ^CON Enter a year like 1990\\. Year of birth\\?
            1990       | ^CON Delivery date DDMMYYYY\\?
            31022026   | ^CON Enter a date as DDMMYYYY\\. Delivery
            01042026   | ^CON How many \\(1-9\\)\\?
            12         | ^CON Enter a number\\.
            3          | ^CON Enter PIN
            123        | ^CON The PIN has 4 digits\\.
            9999       | ^CON Wrong PIN\\. Enter PIN
            1234       | ^CON Amina 1990 2026-04-01 x3\\. Confirm\\?\\n1\\. Yes\\n0 Back 00 Menu$
            1          | ^END Order ORD-\\d+ placed$
            """)
    void orderConversationRow(String input, String expected) {
        // one conversation, typed row by row: each row continues the previous one
        String answer = CONVERSATION.step(this, input);
        assertTrue(Pattern.compile(expected).matcher(answer).find(), () -> "after '" + input + "': " + answer);
    }

    /** Keeps the conversation of {@link #orderConversationRow} across its rows (JUnit creates one instance per row). */
    private static final Conversation CONVERSATION = new Conversation();

    private static final class Conversation {
        private UssdPhone phone;

        synchronized String step(UssdEngineTest test, String input) {
            if (input.isEmpty()) {
                phone = test.newPhone();
                return phone.dial();
            }
            return phone.type(input);
        }
    }

    @Test
    void aRepeatedRequestGetsTheSameScreenWithoutRunningTheActionAgain() {
        reachConfirm(phone);
        int before = placeOrder.runs.get();
        String first = phone.type("1");
        String again = phone.resend();
        assertEquals(first, again);
        assertEquals(before + 1, placeOrder.runs.get());
        assertTrue(first.startsWith("END Order ORD-"));
    }

    @Test
    void twoConcurrentDuplicatesRunTheActionOnce() throws Exception {
        reachConfirm(phone);
        int before = placeOrder.runs.get();
        CountDownLatch release = new CountDownLatch(1);
        placeOrder.entered = new CountDownLatch(1);
        placeOrder.release = release;
        String body = UssdPhone.form(phone.sessionId(), phone.phone(), phone.text() + "*1");
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> phone.post(body));
        assertTrue(placeOrder.entered.await(5, TimeUnit.SECONDS));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> phone.post(body));
        release.countDown();
        assertEquals(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
        assertEquals(before + 1, placeOrder.runs.get());
    }

    @Test
    void onlyTheNewestInputIsReadEvenWhenAnOperatorSendsOnlyThatInput() {
        phone.dial();
        String fruits = phone.post(UssdPhone.form(phone.sessionId(), phone.phone(), "1"));
        assertTrue(fruits.startsWith("CON Pick a fruit"), fruits);
        String chosen = phone.post(UssdPhone.form(phone.sessionId(), phone.phone(), "2"));
        assertEquals("END You chose Fruit number 2", chosen);
    }

    @Test
    void aFirstRequestCarryingInputsIsPlayedThrough() {
        String answer = phone.post(UssdPhone.form("ATUid_shortcut-" + PHONES.incrementAndGet(), "+254700077777", "1*3"));
        assertEquals("END You chose Fruit number 3", answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr", "sw"})
    void listsArePaginatedWithinTheLimitWithoutSplittingLabels(String language) {
        phone.dial();
        if (!language.equals("en")) {
            phone.type(language.equals("fr") ? "3" : "4");
        }
        String screen = phone.type("1");
        List<String> pages = new ArrayList<>();
        pages.add(screen);
        while (screen.contains("\n98. ")) {
            screen = phone.type("98");
            pages.add(screen);
        }
        assertTrue(pages.size() >= 3, "30 fruits need several pages: " + pages);
        int expectedKey = 1;
        for (String page : pages) {
            for (String line : page.split("\n")) {
                if (line.matches("\\d+\\. .*") && !line.startsWith("98. ")) {
                    assertTrue(line.startsWith(expectedKey + ". "), "keys continue across pages: " + page);
                    expectedKey++;
                }
            }
        }
        assertEquals(32, expectedKey, "30 fruits and the fixed option, each on exactly one page");
        assertTrue(String.join("", pages).contains("..."), "the overlong label is shortened");
        String lastPage = pages.getLast();
        assertTrue(lastPage.contains("31. "), "the fixed option comes after the listed ones: " + lastPage);
        String previous = phone.type("0");
        assertEquals(pages.get(pages.size() - 2), previous, "0 goes back one page");
    }

    @Test
    void aChoiceFromALaterPageIsTaken() {
        phone.dial();
        phone.type("1");
        phone.type("98");
        String second = phone.type("98");
        String lastKey = second.lines().filter(l -> l.matches("\\d+\\. .*") && !l.startsWith("98. "))
                .reduce((a, b) -> b).orElseThrow().split("\\.")[0];
        assertEquals("END You chose Fruit number " + lastKey, phone.type(lastKey));
    }

    @Test
    void zeroGoesBackAndDoubleZeroToTheMainMenu() {
        phone.dial();
        phone.type("2");
        phone.type("Amina");
        assertTrue(phone.type("0").startsWith("CON Your name?"));
        phone.type("Juma");
        phone.type("1990");
        assertTrue(phone.type("00").startsWith("CON Test home"));
    }

    @Test
    void threeInvalidInputsInARowEndWithWhereToGetHelp() {
        phone.dial();
        assertTrue(phone.type("9").startsWith("CON Invalid choice."));
        assertTrue(phone.type("x").startsWith("CON Invalid choice."));
        assertEquals("END Too many invalid entries. Help: test desk.", phone.type("7"));
    }

    @Test
    void aValidInputResetsTheInvalidCount() {
        phone.dial();
        phone.type("9");
        phone.type("9");
        phone.type("2");
        assertTrue(phone.type("1").startsWith("CON Letters only please."));
        assertTrue(phone.type("2").startsWith("CON Letters only please."));
    }

    @Test
    void aDroppedSessionCanBeResumedFromTheSamePhoneWithinFiveMinutes() {
        phone.dial();
        phone.type("2");
        String yearScreen = phone.type("Amina");
        clock.advance(Duration.ofMinutes(4));
        assertEquals("CON Unfinished test session.\n1. Continue\n2. Start over", phone.dial());
        assertEquals(yearScreen, phone.type("1"));
        assertTrue(phone.type("1990").startsWith("CON Delivery date"), "the values collected before are kept");
        clock.advance(Duration.ofMinutes(1));
        phone.dial();
        assertTrue(phone.type("2").startsWith("CON Test home"));
    }

    @Test
    void noResumeAfterFiveMinutesAndAStaleSessionEnds() {
        phone.dial();
        phone.type("2");
        String staleText = phone.text();
        String staleSession = phone.sessionId();
        clock.advance(Duration.ofMinutes(6));
        assertTrue(phone.dial().startsWith("CON Test home"));
        assertEquals("END Test session expired.",
                phone.post(UssdPhone.form(staleSession, phone.phone(), staleText + "*Amina")));
    }

    @Test
    void aSessionThatEndedNormallyIsNotOfferedForResuming() {
        phone.dial();
        phone.type("2");
        String ended = phone.sessionId();
        String answer = http.retrieve(HttpRequest.POST("/at/ussd/events", "sessionId=" + ended
                + "&status=Success&durationInMillis=4200&hopsCount=2&cost=KES+0.10&date=2026-03-02+07%3A00%3A05"
                + "&input=2&lastAppResponse=CON+x").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE));
        assertEquals("OK", answer);
        Document report = store.collection(SessionStore.SESSIONS).find(Filters.eq("_id", ended)).first()
                .get("report", Document.class);
        assertEquals("Success", report.getString("status"));
        assertEquals(4200L, report.getLong("durationMillis"));
        assertTrue(phone.dial().startsWith("CON Test home"));
    }

    @Test
    void theLanguageChosenIsUsedOnEveryScreen() {
        phone.dial();
        assertTrue(phone.type("3").startsWith("CON Accueil test"));
        assertTrue(phone.type("2").startsWith("CON Votre nom ?\n0 Retour 00 Menu"));
        assertTrue(phone.type("1").startsWith("CON Lettres seulement."));
    }

    @Test
    void anUnexpectedErrorEndsWithAnApologyInThePatientsLanguage() {
        phone.dial();
        phone.type("4");
        assertEquals("END Samahani, hitilafu.", phone.type("5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sessionId=&phoneNumber=%2B254700000001&text=", "phoneNumber=%2B254700000001",
            "sessionId=abc&text=1", "sessionId=%ZZ&phoneNumber=%2B254700000001", "garbage", "&&&==&"})
    void missingOrMalformedFieldsGetAnEndScreen(String body) {
        assertEquals("END Bad test request.", phone.post(body));
    }

    @Test
    void sessionsAreStoredWithoutAnythingDerivedFromThePin() throws NoSuchAlgorithmException {
        reachConfirm(phone);
        Document stored = store.collection(SessionStore.SESSIONS).find(Filters.eq("_id", phone.sessionId())).first();
        String json = stored.toJson();
        assertFalse(json.contains("1234"), json);
        for (String text = phone.text(); !text.isEmpty(); text = text.substring(0, Math.max(0, text.lastIndexOf('*')))) {
            assertFalse(json.contains(sha256(text)), "a digest of " + text + " in " + json);
        }
        assertEquals("2*Amina*1990*01042026*3*####", stored.getString("consumed"));
        assertNotEquals(null, stored.getDate("expiresAt"));
        assertEquals("test.confirm", stored.getString("state"));
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    @Test
    void hopsServedByAnotherInstanceMeanwhileAreNotUndone() throws InterruptedException {
        SessionWriter otherWriter = new SessionWriter(store);
        try {
            hopsServedByTwoInstances(new UssdEngine(catalog, new SessionStore(store, otherWriter), actions, settings, clinic, clock, phoneNumbers));
        } finally {
            otherWriter.close();
        }
    }

    private void hopsServedByTwoInstances(UssdEngine other) {
        String session = "ATUid_two_instances";
        String phoneNumber = "+254700088888";
        assertTrue(hop(engine, session, phoneNumber, "").screen().startsWith("Test home"));
        assertTrue(hop(other, session, phoneNumber, "2").screen().startsWith("Your name?"));
        // this instance remembers the session as it left it after the dial: it must notice the move and read it
        assertTrue(hop(engine, session, phoneNumber, "2*Amina").screen().startsWith("Year of birth?"));
        assertTrue(hop(other, session, phoneNumber, "2*Amina").screen().startsWith("Year of birth?"));
        assertTrue(hop(other, session, phoneNumber, "2*Amina*1990").screen().startsWith("Delivery date"));
        assertTrue(hop(engine, session, phoneNumber, "2*Amina*1990*01042026").screen().startsWith("How many"));
        Document stored = store.collection(SessionStore.SESSIONS).find(Filters.eq("_id", session)).first();
        assertEquals(List.of("test.home", "test.name", "test.year", "test.when"), UssdSession.fromDocument(stored).stack);
    }

    private static UssdReply hop(UssdEngine engine, String session, String phoneNumber, String text) {
        return engine.answer(new UssdHop(session, "*384*1#", phoneNumber, "99999", text));
    }

    private static void reachConfirm(UssdPhone phone) {
        phone.dial();
        for (String input : List.of("2", "Amina", "1990", "01042026", "3", "1234")) {
            phone.type(input);
        }
    }
}
