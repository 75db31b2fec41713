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
 * {@link #finish()}; a key given twice keeps its last value, as a JSON object read into a map would. Sharing is
 * bounded in size and in the work of one lookup ({@link SharingTable}).
 *
 * @param <V> the value type
 */
final class SharedMaps<V> {
    private String[] keys = new String[8];
    private Object[] values = new Object[8];
    private int size;
    private final SharingTable<Shared> table = new SharingTable<>(256);
    /** The map finished last: neighbouring vulnerabilities (one CVE in several packages) often carry the same. */
    private @Nullable Shared last;

    /** One shared map with the pairs it was built from, in the order they were read. */
    @SuppressWarnings("ArrayRecordComponent") // an entry of the table, matched pair by pair, never by equals
    private record Shared(String[] keys, Object[] values, Map<String, ?> map) {
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
        int slot = table.start(hash);
        for (int probe = 0; probe < SharingTable.MAX_PROBES; probe++, slot = table.next(slot)) {
            Shared s = table.at(slot);
            if (s == null) {
                last = table.add(slot, hash, new Shared(Arrays.copyOf(keys, size), Arrays.copyOf(values, size),
                        build()));
                return (Map<String, V>) last.map();
            }
            if (table.hashAt(slot) == hash && samePairs(s)) {
                last = s;
                return (Map<String, V>) s.map();
            }
        }
        return build();
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
}
