package org.afyadial.ussd.patient;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps answers for a moment. The days with a free slot take two weeks of slots laid out, and many patients ask
 * for the same doctor's; a moment of staleness is harmless there because the booking itself is checked by the
 * store (a day that filled up meanwhile leads to "that time has just been taken"). Freshness is elapsed time on
 * this machine ({@link System#nanoTime()}), not the clinic's clock.
 */
final class BriefCache<K, V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long lifetimeNanos;

    BriefCache(Duration lifetime) {
        this.lifetimeNanos = lifetime.toNanos();
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAt() < lifetimeNanos) {
            return entry.value();
        }
        V value = load.apply(key);
        entries.put(key, new Entry<>(value, now));
        return value;
    }
}
