package io.k8sgate.core.input.trivy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the small maps each vulnerability carries (severity by vendor, CVSS by source) and shares equal ones. Most
 * vulnerabilities of a report carry one of a handful of such maps, so one seen before costs a comparison of its
 * pairs rather than a new map. Values are compared by identity: they are themselves shared (enum constants, the
 * report's {@link SharedCvss} data), so equal values are the same object; an equal value that is not merely makes
 * a second map. Pairs are collected in reusable arrays between {@link #start()} and
 * {@link #finish()}; a key given twice keeps its last value, as a JSON object read into a map would. Like
 * {@link Interner}, sharing is bounded in size and in the work of one lookup.
 *
 * @param <V> the value type
 */
final class SharedMaps<V> {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;
    private Shared[] slots = new Shared[256];
    private int count;
    /** The map finished last: neighbouring vulnerabilities (one CVE in several packages) often carry the same. */
    private @Nullable Shared last;

    /** One shared map with the pairs it was built from, in the order they were read. */
    private record Shared(int hash, String[] keys, Object[] values, Map<String, ?> map) {
    }

    /** Begins a new map. */
    void start() {
        size = 0;
    }

    /** Adds a pair to the map being built. */
    void put(final String key, final V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                values[i] = value;
                return;
            }
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    /** The immutable map of the pairs added since {@link #start()}: a shared one when an equal one was built before. */
    @SuppressWarnings("unchecked") // every map in the table was built from pairs of V
    Map<String, V> finish() {
        if (size == 0) {
            return Map.of();
        }
        Shared previous = last;
        if (previous != null && samePairs(previous)) {
            return (Map<String, V>) previous.map();
        }
        int hash = 1;
        for (int i = 0; i < size; i++) {
            hash = 31 * (31 * hash + keys[i].hashCode()) + System.identityHashCode(values[i]);
        }
        int mask = slots.length - 1;
        int slot = Interner.spread(hash) & mask;
        int probes = 0;
        for (Shared s = slots[slot]; s != null; s = slots[slot]) {
            if (s.hash() == hash && samePairs(s)) {
                last = s;
                return (Map<String, V>) s.map();
            }
            if (++probes == Interner.MAX_PROBES) {
                return build();
            }
            slot = (slot + 1) & mask;
        }
        Map<String, V> map = build();
        if (count < Interner.MAX_ENTRIES) {
            slots[slot] = new Shared(hash, Arrays.copyOf(keys, size), Arrays.copyOf(values, size), map);
            last = slots[slot];
            count++;
            if (count * 2 > slots.length) {
                grow();
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked") // values were added as V
    private Map<String, V> build() {
        Map<String, V> built = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            built.put(keys[i], (V) values[i]);
        }
        return Map.copyOf(built);
    }

    private boolean samePairs(final Shared s) {
        if (s.keys().length != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (s.values()[i] != values[i] || !s.keys()[i].equals(keys[i])) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        Shared[] old = slots;
        slots = new Shared[old.length * 2];
        int mask = slots.length - 1;
        for (Shared s : old) {
            if (s != null) {
                int slot = Interner.spread(s.hash()) & mask;
                while (slots[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = s;
            }
        }
    }
}
