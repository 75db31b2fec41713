package io.k8sgate.core.policy;

/**
 * What one part of a decision does to the build that asked for it: a finding, a reason or an input problem either
 * fails the build, makes it warn (unstable), or only informs. Front ends show each at the level its effect deserves
 * (the Maven plugin logs {@link #FAILS} at error, {@link #WARNS} at warning and {@link #NONE} at info level), so a
 * build log marks as an error only what fails the build.
 */
public enum Effect {
    /** Fails the build: a finding at or above failOn that counts, or unusable input under failOnInputError. */
    FAILS,
    /** Makes the build warn: a counted finding at or above warnOn, unusable input while failOnInputError is false. */
    WARNS,
    /** Changes nothing: a finding below the thresholds, suppressed, or already in the baseline. */
    NONE;

    /** The effect of a whole decision: a failed gate fails the build, a warning warns, a pass changes nothing. */
    public static Effect of(final GateStatus status) {
        return switch (status) {
            case FAIL -> FAILS;
            case WARN -> WARNS;
            case PASS -> NONE;
        };
    }
}
