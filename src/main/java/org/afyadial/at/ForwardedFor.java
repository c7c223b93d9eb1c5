package org.afyadial.at;

import io.micronaut.core.annotation.Nullable;

/**
 * The last address of a forwarding header, the one the proxy in front appended: {@code X-Forwarded-For: a, b}
 * gives {@code b}, {@code Forwarded: for=a, for="[2001:db8::1]:4711"} gives {@code 2001:db8::1}.
 */
final class ForwardedFor {

    private ForwardedFor() {
    }

    static @Nullable String lastHop(String header) {
        String hop = header.substring(header.lastIndexOf(',') + 1).strip();
        for (String part : hop.split(";")) {
            String pair = part.strip();
            if (pair.regionMatches(true, 0, "for=", 0, 4)) {
                return address(pair.substring(4));
            }
        }
        return hop.contains("=") ? null : address(hop);
    }

    /** Without quotes, brackets or port. */
    private static @Nullable String address(String node) {
        String value = node.replace("\"", "").strip();
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? null : value.substring(1, close);
        }
        int colon = value.indexOf(':');
        boolean ipv4WithPort = colon > 0 && value.indexOf(':', colon + 1) < 0;
        return ipv4WithPort ? value.substring(0, colon) : value;
    }
}
