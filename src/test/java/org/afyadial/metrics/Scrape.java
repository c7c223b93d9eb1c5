package org.afyadial.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One Prometheus text exposition, read as series (name with labels) → value. */
record Scrape(Map<String, Double> series) {

    static Scrape parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return new Scrape(series);
    }

    /** The sum of every series of that name whose labels contain each of the given {@code key="value"} pairs. */
    double sum(String name, String... labels) {
        return series.entrySet().stream()
                .filter(e -> name(e.getKey()).equals(name))
                .filter(e -> Set.of(labels).stream().allMatch(e.getKey()::contains))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    boolean has(String name) {
        return names().contains(name);
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        series.keySet().forEach(key -> names.add(name(key)));
        return names;
    }

    private static String name(String series) {
        int brace = series.indexOf('{');
        return brace < 0 ? series : series.substring(0, brace);
    }
}
