package io.k8sgate.core.input.trivy;

import java.util.Optional;

/** Trivy's severity scale, which has UNKNOWN besides the four levels. */
public enum TrivySeverity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL;

    private static final TrivySeverity[] LEVELS = values();

    /**
     * The severity Trivy writes under this name: one of the five upper-case names, or nothing (an absent or empty
     * severity), which Trivy itself reads as UNKNOWN. Any other text is no severity of Trivy's: Trivy's own filters
     * drop such a finding, and reading it as UNKNOWN would turn a CRITICAL spelled wrong into a warning.
     */
    public static Optional<TrivySeverity> named(final String text) {
        return switch (text) {
            case "CRITICAL" -> Optional.of(CRITICAL);
            case "HIGH" -> Optional.of(HIGH);
            case "MEDIUM" -> Optional.of(MEDIUM);
            case "LOW" -> Optional.of(LOW);
            case "UNKNOWN", "" -> Optional.of(UNKNOWN);
            default -> Optional.empty();
        };
    }

    /** Trivy's vendor severity integers: 0 unknown, 1 low, 2 medium, 3 high, 4 critical; empty for any other. */
    public static Optional<TrivySeverity> ofVendorLevel(final long level) {
        return level >= 0 && level < LEVELS.length ? Optional.of(LEVELS[(int) level]) : Optional.empty();
    }

    /** The band a CVSS base score falls in (CVSS 3/4 qualitative scale; 0 is UNKNOWN, as "none" is no risk). */
    public static TrivySeverity ofScore(final double score) {
        if (score >= 9.0) {
            return CRITICAL;
        }
        if (score >= 7.0) {
            return HIGH;
        }
        if (score >= 4.0) {
            return MEDIUM;
        }
        return score > 0 ? LOW : UNKNOWN;
    }
}
