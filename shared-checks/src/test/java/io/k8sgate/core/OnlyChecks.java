package io.k8sgate.core;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckRegistry;
import java.util.Set;

/**
 * A policy fragment that turns off every registered check except the given ones, for tests that assert exact
 * finding counts of one check and must not change whenever the catalogue grows.
 */
public final class OnlyChecks {
    private OnlyChecks() {
    }

    /** A {@code checks:} block disabling every check but {@code ids}, to append to a policy text. */
    public static String policy(final String... ids) {
        Set<String> keep = Set.of(ids);
        StringBuilder sb = new StringBuilder("checks:\n");
        for (Check check : CheckRegistry.defaultRegistry().all()) {
            if (!keep.contains(check.metadata().id())) {
                sb.append("  ").append(check.metadata().id()).append(": false\n");
            }
        }
        return sb.toString();
    }
}
