package io.k8sgate.core.input.trivy;

import java.util.Locale;

/** Trivy's severity scale, which has UNKNOWN besides the four levels. */
public enum TrivySeverity {
    UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL;

    private static final TrivySeverity[] LEVELS = values();

    /** Parses a severity name case-insensitively; anything else (or nothing) is UNKNOWN. */
    public static TrivySeverity parse(final String text) {
        return switch (text) {
            case "CRITICAL" -> CRITICAL;
            case "HIGH" -> HIGH;
            case "MEDIUM" -> MEDIUM;
            case "LOW" -> LOW;
            case "UNKNOWN", "" -> UNKNOWN;
            default -> byName(text);
        };
    }

    private static TrivySeverity byName(final String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** Trivy's vendor severity integers: 0 unknown, 1 low, 2 medium, 3 high, 4 critical. */
    public static TrivySeverity ofVendorLevel(final int level) {
        return level >= 0 && level < LEVELS.length ? LEVELS[level] : UNKNOWN;
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
