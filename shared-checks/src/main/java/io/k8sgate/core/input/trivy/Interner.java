package io.k8sgate.core.input.trivy;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal values among the findings of one report: package names, versions, statuses, vendor names, CVSS data
 * and vendor maps repeat across thousands of vulnerabilities, and keeping one copy of each is what keeps a large
 * report's model small. The table stops growing at a fixed size, so unique values cannot make it grow without bound.
 */
final class Interner {
    private static final int MAX_ENTRIES = 200_000;
    private final Map<Object, Object> table = new HashMap<>();

    /** The shared copy of a value equal to {@code value}. */
    @SuppressWarnings("unchecked") // the table maps every value to itself, so the cast holds
    <T> T of(final T value) {
        Object shared = table.get(value);
        if (shared != null) {
            return (T) shared;
        }
        if (table.size() < MAX_ENTRIES) {
            table.put(value, value);
        }
        return value;
    }
}
