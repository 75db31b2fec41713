package io.k8sgate.core;

import io.k8sgate.core.policy.Policy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to check and under which policy. Every front end builds one of these and calls {@link SecurityGate#run}.
 *
 * @param root      the workspace: inputs must stay inside it, and file names in reports are relative to it
 * @param manifests files, directories and globs of Kubernetes manifests
 * @param policy    the policy (see {@link io.k8sgate.core.policy.PolicyLoader})
 * @param clock     the clock for report times and exception expiry
 * @param reference fingerprints of the reference run's findings (for example the last successful build); when the
 *                  policy counts only new findings, findings with these fingerprints do not count
 */
public record GateRequest(Path root, List<String> manifests, Policy policy, Clock clock, Set<String> reference) {
    public GateRequest {
        Objects.requireNonNull(root, "root");
        manifests = List.copyOf(manifests);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        reference = Set.copyOf(reference);
    }

    /** A request without a reference run. */
    public GateRequest(final Path root, final List<String> manifests, final Policy policy, final Clock clock) {
        this(root, manifests, policy, clock, Set.of());
    }

    /** A request under the default policy and the system clock. */
    public static GateRequest of(final Path root, final List<String> manifests) {
        return new GateRequest(root, manifests, Policy.DEFAULT, Clock.systemUTC());
    }

    /** The same request under another policy. */
    public GateRequest withPolicy(final Policy newPolicy) {
        return new GateRequest(root, manifests, newPolicy, clock, reference);
    }

    /** The same request with another clock. */
    public GateRequest withClock(final Clock newClock) {
        return new GateRequest(root, manifests, policy, newClock, reference);
    }

    /** The same request with another reference run's fingerprints. */
    public GateRequest withReference(final Set<String> fingerprints) {
        return new GateRequest(root, manifests, policy, clock, fingerprints);
    }
}
