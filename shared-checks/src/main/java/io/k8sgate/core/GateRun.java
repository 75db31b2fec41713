package io.k8sgate.core;

import io.k8sgate.core.baseline.Snapshot;
import java.util.Objects;
import java.util.Set;

/**
 * A run together with the normalised configuration it checked (secret values removed), as a baseline records it.
 *
 * @param outcome  the run's outcome
 * @param snapshot the configuration and the findings' fingerprints
 * @param replaced the fingerprints the findings that gave way to another finding on the same item would have had
 *                 ({@link io.k8sgate.core.engine.FindingOverrides}): a baseline that recorded one of them is read as
 *                 answered by the finding that replaced it, neither fixed nor new
 */
public record GateRun(GateOutcome outcome, Snapshot snapshot, Set<String> replaced) {
    public GateRun {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(snapshot, "snapshot");
        replaced = Set.copyOf(replaced);
    }

    /** A run in which no finding gave way to another. */
    public GateRun(final GateOutcome outcome, final Snapshot snapshot) {
        this(outcome, snapshot, Set.of());
    }
}
