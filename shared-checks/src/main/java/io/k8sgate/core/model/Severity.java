package io.k8sgate.core.model;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, from most to least severe. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** True when this severity is at least as bad as {@code threshold}. */
    public boolean isAtLeast(final Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses a name case-insensitively; Trivy's UNKNOWN and NONE are not severities of ours. */
    public static Optional<Severity> parse(final String text) {
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
