package org.afyadial.at;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body as Africa's Talking posts it, decoded leniently: a field
 * whose encoding is broken counts as missing instead of failing the whole request.
 */
final class AtForm {

    private final Map<String, String> fields;

    private AtForm(Map<String, String> fields) {
        this.fields = fields;
    }

    static AtForm parse(String body) {
        Map<String, String> fields = new HashMap<>();
        if (body != null) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (name != null && !name.isEmpty() && value != null) {
                    fields.putIfAbsent(name, value);
                }
            }
        }
        return new AtForm(fields);
    }

    String get(String name) {
        return fields.get(name);
    }

    Optional<Long> number(String name) {
        try {
            return Optional.ofNullable(fields.get(name)).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
