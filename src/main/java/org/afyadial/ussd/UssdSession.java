package org.afyadial.ussd;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one USSD session, as stored in {@code ussd_sessions} under its AT session id. The engine works
 * on a copy during a hop and writes it back in one conditional replace. The text read so far is kept with every
 * PIN masked ({@link ConsumedText}); nothing derived from a PIN is stored, except a new PIN's bcrypt hash (the
 * form the patient record keeps) between the two screens that ask for it.
 * <p>
 * The whole document is rewritten on every hop and the store serializes each nested document on its own, so
 * the lists are packed into plain strings (see {@link #pack}): {@code items} holds the list screen's choices as
 * value, label, value, label...; {@code values} holds key, value, key, value...; {@code stack} the state ids.
 * The time of the last hop is not stored: it is {@code expiresAt} less the session lifetime.
 */
final class UssdSession {

    /** Value: whose PIN was proved in this USSD session (see {@link ActionContext#pinVerified}). */
    static final String PIN_PROOF = "_pinFor";
    /** Value: the screen on which the PIN was last proved, where a resumed session asks it again. */
    static final String PIN_ASKED_AT = "_pinAskedAt";

    final String id;
    final String phone;
    final Instant createdAt;
    String language;
    String state;
    final Map<String, String> values;
    final List<String> stack;
    String root;
    int page;
    int invalid;
    List<ListItem> items;
    String consumed = "";
    String screen;
    boolean end;
    String pending;
    Instant expiresAt;
    int hops;
    /** The caller's mobile network as the current hop names it; not stored, every hop carries it. */
    String networkCode;

    UssdSession(String id, String phone, String language, Instant now) {
        this.id = id;
        this.phone = phone;
        this.language = language;
        this.createdAt = now;
        this.expiresAt = now;
        this.values = new LinkedHashMap<>();
        this.stack = new ArrayList<>();
        this.items = List.of();
    }

    UssdSession copy() {
        UssdSession c = new UssdSession(id, phone, language, createdAt);
        c.state = state;
        c.values.putAll(values);
        c.stack.addAll(stack);
        c.root = root;
        c.page = page;
        c.invalid = invalid;
        c.items = items;
        c.consumed = consumed;
        c.screen = screen;
        c.end = end;
        c.pending = pending;
        c.expiresAt = expiresAt;
        c.hops = hops;
        return c;
    }

    /**
     * Takes over where an earlier USSD session of the same phone stopped: its screen, what was chosen and the way
     * back. The screen's list is not taken over: it is made again when the screen is entered.
     */
    void resumeFrom(UssdSession earlier) {
        language = earlier.language;
        state = earlier.state;
        values.clear();
        values.putAll(earlier.values);
        stack.clear();
        stack.addAll(earlier.stack);
        root = earlier.root;
    }

    UssdReply reply() {
        return new UssdReply(end, screen, state);
    }

    /** The stored form: lists packed into strings, fields left out while they hold their default. */
    Document toDocument() {
        List<String> itemFields = new ArrayList<>(items.size() * 2);
        for (ListItem item : items) {
            itemFields.add(item.value());
            itemFields.add(item.label());
        }
        List<String> valueFields = new ArrayList<>(values.size() * 2);
        values.forEach((key, value) -> {
            valueFields.add(key);
            valueFields.add(value);
        });
        Document d = new Document("_id", id)
                .append("phone", phone)
                .append("language", language)
                .append("state", state)
                .append("values", pack(valueFields))
                .append("stack", pack(stack))
                .append("items", pack(itemFields))
                .append("consumed", consumed)
                .append("screen", screen)
                .append("hops", hops)
                .append("createdAt", Date.from(createdAt))
                .append("expiresAt", Date.from(expiresAt));
        appendUnlessDefault(d, "root", root, null);
        appendUnlessDefault(d, "page", page, 0);
        appendUnlessDefault(d, "invalid", invalid, 0);
        appendUnlessDefault(d, "end", end, false);
        appendUnlessDefault(d, "pending", pending, null);
        return d;
    }

    private static void appendUnlessDefault(Document d, String key, Object value, Object defaultValue) {
        if (!Objects.equals(value, defaultValue)) {
            d.append(key, value);
        }
    }

    /** The session a stored document holds. */
    static UssdSession fromDocument(Document d) {
        UssdSession s = new UssdSession(d.getString("_id"), d.getString("phone"), d.getString("language"),
                d.getDate("createdAt").toInstant());
        s.expiresAt = d.getDate("expiresAt").toInstant();
        s.state = d.getString("state");
        s.consumed = d.getString("consumed");
        s.screen = d.getString("screen");
        s.end = d.getBoolean("end", false);
        s.pending = d.getString("pending");
        s.hops = d.getInteger("hops", 0);
        s.root = d.getString("root");
        s.page = d.getInteger("page", 0);
        s.invalid = d.getInteger("invalid", 0);
        List<String> itemFields = unpack(d.getString("items"));
        List<ListItem> items = new ArrayList<>(itemFields.size() / 2);
        for (int i = 0; i < itemFields.size(); i += 2) {
            items.add(new ListItem(itemFields.get(i), itemFields.get(i + 1)));
        }
        s.items = items;
        List<String> valueFields = unpack(d.getString("values"));
        for (int i = 0; i < valueFields.size(); i += 2) {
            s.values.put(valueFields.get(i), valueFields.get(i + 1));
        }
        s.stack.addAll(unpack(d.getString("stack")));
        return s;
    }

    /**
     * Several strings as one: each written as its length in chars, a colon, then the string itself, e.g.
     * {@code ["08:10", ""]} becomes {@code "5:08:100:"}. Any text survives, separators included, without escaping.
     */
    static String pack(List<String> strings) {
        StringBuilder out = new StringBuilder();
        for (String string : strings) {
            out.append(string.length()).append(':').append(string);
        }
        return out.toString();
    }

    static List<String> unpack(String packed) {
        List<String> strings = new ArrayList<>();
        int at = 0;
        while (at < packed.length()) {
            int colon = packed.indexOf(':', at);
            int start = colon + 1;
            int end = start + Integer.parseInt(packed, at, colon, 10);
            strings.add(packed.substring(start, end));
            at = end;
        }
        return strings;
    }
}
