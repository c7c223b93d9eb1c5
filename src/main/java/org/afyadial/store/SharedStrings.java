package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The strings of the documents the embedded store keeps, shared: one String per field name, and one per value of a
 * field that takes few values (a status, a kind, a language). A document the store receives, or reads back from its
 * file, comes with strings of its own, about half of its objects: "createdAt" or "QUEUED" was a new String in each.
 * Stored documents stay in memory for seconds (in H2's pages until they are written and evicted), so every young
 * collection under load copied them to the old generation, and that copying was most of its pause.
 *
 * <p>Both tables are bounded: a field with many distinct values (identifiers, phone numbers, texts) keeps the first
 * few and then leaves its values alone, and past {@link #MAX_NAMES} field names nothing more is shared.
 */
final class SharedStrings {

    static final SharedStrings INSTANCE = new SharedStrings();

    private static final int MAX_NAMES = 10_000;
    /** A field with more distinct values than this holds identifiers or free text, not a state or a kind. */
    private static final int MAX_VALUES_PER_FIELD = 64;
    private static final int MAX_VALUE_LENGTH = 32;

    private final ConcurrentHashMap<String, Field> fields = new ConcurrentHashMap<>();

    private SharedStrings() {
    }

    /** An equal document, with the shared strings in place of its own, nested documents and lists included. */
    Document share(Document document) {
        Document shared = new Document();
        for (var entry : document.entrySet()) {
            Field field = field(entry.getKey());
            shared.put(field == null ? entry.getKey() : field.name, share(field, entry.getValue()));
        }
        return shared;
    }

    private Object share(Field field, Object value) {
        return switch (value) {
            case String text when field != null -> field.value(text);
            case Document nested -> share(nested);
            case List<?> list -> {
                List<Object> shared = new ArrayList<>(list.size());
                list.forEach(element -> shared.add(share(field, element)));
                yield shared;
            }
            case null, default -> value;
        };
    }

    private Field field(String name) {
        Field field = fields.get(name);
        if (field != null || fields.size() >= MAX_NAMES) {
            return field;
        }
        return fields.computeIfAbsent(name, Field::new);
    }

    private record Field(String name, ConcurrentHashMap<String, String> values) {

        Field(String name) {
            this(name, new ConcurrentHashMap<>());
        }

        String value(String text) {
            String shared = values.get(text);
            if (shared != null) {
                return shared;
            }
            if (values.size() >= MAX_VALUES_PER_FIELD || text.length() > MAX_VALUE_LENGTH) {
                return text;
            }
            String earlier = values.putIfAbsent(text, text);
            return earlier != null ? earlier : text;
        }
    }
}
