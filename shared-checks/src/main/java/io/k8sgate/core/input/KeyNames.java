package io.k8sgate.core.input;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each mapping key name the parser reads. Manifests use a small vocabulary of field names
 * ({@code spec}, {@code containers}, {@code securityContext}, ...), and the instance kept is the one the JVM keeps for
 * the same string constant, so a check looking up {@code node.get("spec")} finds the key by reference instead of by
 * comparing characters, and a large input holds each name once.
 *
 * <p>The table is bounded: names longer than {@value #MAX_LENGTH} characters, and any new name once it holds
 * {@value #MAX_NAMES}, are used as read (lookups still compare them by content), so unusual input cannot make it grow
 * without limit.
 */
final class KeyNames {
    static final int MAX_NAMES = 8_192;
    static final int MAX_LENGTH = 64;
    private static final ConcurrentHashMap<String, String> SHARED = new ConcurrentHashMap<>();

    private KeyNames() {
    }

    /** The shared instance of {@code name}, or {@code name} itself when it is not shared. */
    static String shared(final String name) {
        String shared = SHARED.get(name);
        if (shared != null) {
            return shared;
        }
        if (name.length() > MAX_LENGTH || SHARED.size() >= MAX_NAMES) {
            return name;
        }
        String canonical = name.intern();
        String previous = SHARED.putIfAbsent(canonical, canonical);
        return previous == null ? canonical : previous;
    }
}
