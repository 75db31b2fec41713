package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import java.util.Map;

/** Check settings for a given target Kubernetes version, for the versioned Pod Security Standards controls. */
final class Targets {
    private Targets() {
    }

    /** Settings targeting Kubernetes 1.{@code minor}. */
    static CheckSettings v1(final int minor) {
        return new CheckSettings(new KubernetesVersion(1, minor), Map.of());
    }
}
