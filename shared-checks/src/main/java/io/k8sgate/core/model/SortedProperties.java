package io.k8sgate.core.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The properties of one finding: an immutable map from names to values, iterated in the order of the names, held in
 * two arrays. A run may keep a million findings of a dozen properties each; a tree map spends about 600 bytes on the
 * entries of each, these arrays about 150 (the memory budget per vulnerability counts on it).
 */
final class SortedProperties extends AbstractMap<String, String> {
    private final String[] keys;
    private final String[] values;

    private SortedProperties(final String[] keys, final String[] values) {
        this.keys = keys;
        this.values = values;
    }

    /**
     * The properties of {@code map}, sorted by name, each value passed through {@code value}; nulls are refused.
     * Properties built here are taken as they are (their values went through the same function then).
     */
    static Map<String, String> of(final Map<String, String> map, final UnaryOperator<String> value) {
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map instanceof SortedProperties same) {
            return same;
        }
        String[] keys = new String[map.size()];
        int i = 0;
        for (String k : map.keySet()) {
            keys[i++] = Objects.requireNonNull(k, "property name");
        }
        Arrays.sort(keys);
        String[] values = new String[keys.length];
        for (i = 0; i < keys.length; i++) {
            values[i] = value.apply(Objects.requireNonNull(map.get(keys[i]), "property value"));
        }
        return new SortedProperties(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(final @Nullable Object key) {
        return key instanceof String k && Arrays.binarySearch(keys, k) >= 0;
    }

    @Override
    public @Nullable String get(final @Nullable Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        int i = Arrays.binarySearch(keys, k);
        return i >= 0 ? values[i] : null;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }
        };
    }
}
