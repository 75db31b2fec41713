package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import java.util.Map;

/** Check settings for a given target Kubernetes version, for the versioned Pod Security Standards controls. */
final class Targets {
    /** A pod in its own user namespace that unmasks /proc: Baseline accepts it from v1.35, Restricted does not. */
    static final String UNMASKED_PROC_IN_USER_NAMESPACE = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostUsers: false
              containers:
                - name: runner
                  image: runner:2
                  securityContext: {procMount: Unmasked}
            """;

    private Targets() {
    }

    /** Settings targeting Kubernetes 1.{@code minor}. */
    static CheckSettings v1(final int minor) {
        return new CheckSettings(new KubernetesVersion(1, minor), Map.of());
    }
}
