package io.k8sgate.core.check;

import io.k8sgate.core.input.WorkloadKinds;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of the policy that change what checks look for (as opposed to what the gate decides).
 *
 * @param targetKubernetesVersion the version the manifests will be deployed to
 * @param options                 per-check options by check id, then option name (strings as written)
 * @param workloadKinds           the kinds that run pods and where their pods are (the built-in table and the
 *                                policy's additions)
 */
public record CheckSettings(KubernetesVersion targetKubernetesVersion, Map<String, Map<String, String>> options,
        WorkloadKinds workloadKinds) {
    /** The defaults: the current Kubernetes version, no options. */
    public static final CheckSettings DEFAULT = new CheckSettings(KubernetesVersion.DEFAULT, Map.of());

    public CheckSettings {
        Objects.requireNonNull(targetKubernetesVersion, "targetKubernetesVersion");
        options = Map.copyOf(options);
        Objects.requireNonNull(workloadKinds, "workloadKinds");
    }

    /** Settings with the built-in table of pod-running kinds. */
    public CheckSettings(final KubernetesVersion targetKubernetesVersion,
            final Map<String, Map<String, String>> options) {
        this(targetKubernetesVersion, options, WorkloadKinds.BUILT_IN);
    }

    /** An option of a check, or {@code fallback}. */
    public String option(final String checkId, final String name, final String fallback) {
        return options.getOrDefault(checkId, Map.of()).getOrDefault(name, fallback);
    }
}
