package org.afyadial.ussd;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored form of a session: every field survives the round trip, whatever text the lists carry. */
class UssdSessionDocumentTest {

    private static final Instant NOW = Instant.parse("2026-03-02T05:10:00Z");

    private static UssdSession session(List<ListItem> items) {
        UssdSession s = new UssdSession("ATUid_doc", "+254711000001", "fr", NOW);
        s.state = "book.time";
        s.values.put("doctorLabel", "Dr Amina Wanjiru-Ôkö");
        s.values.put("rescheduling", "");
        s.values.put("5:odd:key", "12:not a length\u001f*#");
        s.stack.addAll(List.of("main.home", "book.specialty", "book.day"));
        s.root = "main.home";
        s.page = 2;
        s.invalid = 1;
        s.items = items;
        s.consumed = "2*1*####*3";
        s.screen = "CON Choisissez une heure:\n1. 08:10";
        s.hops = 5;
        s.expiresAt = NOW.plus(Duration.ofMinutes(5));
        return s;
    }

    private static void assertSameSession(UssdSession expected, UssdSession actual) {
        assertEquals(expected.toDocument(), actual.toDocument());
        assertEquals(expected.items, actual.items);
        assertEquals(expected.values, actual.values);
        assertEquals(List.copyOf(expected.values.keySet()), List.copyOf(actual.values.keySet()), "order kept");
        assertEquals(expected.stack, actual.stack);
        assertEquals(expected.expiresAt, actual.expiresAt);
        assertEquals(expected.createdAt, actual.createdAt);
    }

    @Test
    void aFullDayOfTimesSurvivesTheRoundTrip() {
        List<ListItem> times = IntStream.range(0, 97)
                .mapToObj(i -> new ListItem(NOW.plus(Duration.ofMinutes(10L * i)).toString(),
                        "%02d:%02d".formatted(8 + i / 6, i % 6 * 10)))
                .toList();
        UssdSession s = session(times);
        Document stored = s.toDocument();
        assertInstanceOf(String.class, stored.get("items"), "no nested document per choice");
        assertSameSession(s, UssdSession.fromDocument(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "0:", "12:", "a:b:c", "\u001f", "\u001e\u001f\u001d", "Dr Zoë Müller (Pédiatrie)",
            "Daktari 🩺 wa watoto", "1*2*3", "line\nbreak", "99999999999:", "\\", "\"quoted\""})
    void awkwardLabelsAndValuesSurviveTheRoundTrip(String text) {
        UssdSession s = session(List.of(new ListItem(text, text), new ListItem("plain", text + text), new ListItem(text, "")));
        s.values.put(text, text);
        s.stack.add(text);
        assertSameSession(s, UssdSession.fromDocument(s.toDocument()));
    }

    @Test
    void emptyListsAndDefaultsSurviveTheRoundTrip() {
        UssdSession s = new UssdSession("ATUid_new", "+254711000002", "en", NOW);
        s.state = "main.home";
        s.screen = "CON Hello";
        Document stored = s.toDocument();
        for (String omitted : List.of("root", "page", "invalid", "end", "pending")) {
            assertFalse(stored.containsKey(omitted), omitted + " is left out while it holds its default");
        }
        UssdSession read = UssdSession.fromDocument(stored);
        assertSameSession(s, read);
        assertTrue(read.items.isEmpty());
        assertNull(read.root);
        assertNull(read.pending);
        assertFalse(read.end);
    }

    @Test
    void packedStringsAreLengthPrefixed() {
        assertEquals("5:08:100:", UssdSession.pack(List.of("08:10", "")));
        assertEquals(List.of("08:10", ""), UssdSession.unpack("5:08:100:"));
        assertEquals(List.of(), UssdSession.unpack(""));
    }
}
