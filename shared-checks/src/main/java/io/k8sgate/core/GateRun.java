package io.k8sgate.core;

import io.k8sgate.core.baseline.Snapshot;
import java.util.Objects;

/**
 * A run together with the normalised configuration it checked (secret values removed), as a baseline records it.
 *
 * @param outcome  the run's outcome
 * @param snapshot the configuration and the findings' fingerprints
 */
public record GateRun(GateOutcome outcome, Snapshot snapshot) {
    public GateRun {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
