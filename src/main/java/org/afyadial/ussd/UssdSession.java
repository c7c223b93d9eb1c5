package org.afyadial.ussd;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one USSD session, as stored in {@code ussd_sessions} under its AT session id. The engine works
 * on a copy during a hop and writes it back in one conditional replace. The text of the last request is kept
 * only as a digest and a length: it contains every input, PINs included.
 */
final class UssdSession {

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
    int lastLength;
    String lastDigest;
    String screen;
    boolean end;
    String pending;
    Instant updatedAt;
    Instant expiresAt;
    int hops;

    UssdSession(String id, String phone, String language, Instant now) {
        this.id = id;
        this.phone = phone;
        this.language = language;
        this.createdAt = now;
        this.updatedAt = now;
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
        c.lastLength = lastLength;
        c.lastDigest = lastDigest;
        c.screen = screen;
        c.end = end;
        c.pending = pending;
        c.updatedAt = updatedAt;
        c.expiresAt = expiresAt;
        c.hops = hops;
        return c;
    }

    /** Takes over where an earlier session of the same phone stopped. */
    void resumeFrom(UssdSession earlier) {
        language = earlier.language;
        state = earlier.state;
        values.clear();
        values.putAll(earlier.values);
        stack.clear();
        stack.addAll(earlier.stack);
        root = earlier.root;
        page = earlier.page;
        items = earlier.items;
    }

    UssdReply reply() {
        return new UssdReply(end, screen);
    }

    Document toDocument() {
        List<Document> itemDocs = new ArrayList<>(items.size());
        for (ListItem item : items) {
            itemDocs.add(new Document("v", item.value()).append("l", item.label()));
        }
        return new Document("_id", id)
                .append("phone", phone)
                .append("language", language)
                .append("state", state)
                .append("values", new Document(values))
                .append("stack", stack)
                .append("root", root)
                .append("page", page)
                .append("invalid", invalid)
                .append("items", itemDocs)
                .append("lastLength", lastLength)
                .append("lastDigest", lastDigest)
                .append("screen", screen)
                .append("end", end)
                .append("pending", pending)
                .append("hops", hops)
                .append("createdAt", Date.from(createdAt))
                .append("updatedAt", Date.from(updatedAt))
                .append("expiresAt", Date.from(expiresAt));
    }

    static UssdSession fromDocument(Document d) {
        UssdSession s = new UssdSession(d.getString("_id"), d.getString("phone"), d.getString("language"),
                d.getDate("createdAt").toInstant());
        s.state = d.getString("state");
        d.get("values", Document.class).forEach((k, v) -> s.values.put(k, String.valueOf(v)));
        s.stack.addAll(d.getList("stack", String.class));
        s.root = d.getString("root");
        s.page = d.getInteger("page", 0);
        s.invalid = d.getInteger("invalid", 0);
        List<ListItem> items = new ArrayList<>();
        for (Document item : d.getList("items", Document.class)) {
            items.add(new ListItem(item.getString("v"), item.getString("l")));
        }
        s.items = items;
        s.lastLength = d.getInteger("lastLength", 0);
        s.lastDigest = d.getString("lastDigest");
        s.screen = d.getString("screen");
        s.end = d.getBoolean("end", false);
        s.pending = d.getString("pending");
        s.hops = d.getInteger("hops", 0);
        s.updatedAt = d.getDate("updatedAt").toInstant();
        s.expiresAt = d.getDate("expiresAt").toInstant();
        return s;
    }
}
