package io.k8sgate.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a finding does not count against the gate. Suppressed findings stay in every report.
 *
 * @param source  where the suppression came from: {@code annotation}, {@code exception}, {@code trivyignore},
 *                {@code vex}, ...
 * @param owner   who owns the decision, empty when the source has no owner
 * @param reason  the justification as written
 * @param expires the last day the suppression applies, if it expires
 * @param origin  where the suppression itself is written (file and line)
 */
public record Suppression(String source, String owner, String reason, Optional<LocalDate> expires, Location origin) {
    public Suppression {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(origin, "origin");
    }
}
