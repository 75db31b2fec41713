package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.check.workload.PodSecurity.Problem;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * PSS Restricted "Running as Non-root user": {@code runAsUser} must not be 0, at pod level or in any container
 * (unset is fine: runAsNonRoot, K8S-WL-023, covers images that default to root). Applies from Kubernetes v1.23; from
 * v1.35 pods with {@code hostUsers: false} are exempt.
 */
public final class RunAsRootUserCheck implements Check {
    /** The first version with this control. */
    static final KubernetesVersion SINCE = new KubernetesVersion(1, 23);

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-024", "Runs as UID 0", Severity.MEDIUM,
                    Category.WORKLOAD)
            .withText("runAsUser: 0 runs the container's processes as root, which the Restricted profile forbids "
                    + "even when the image declares another user.",
                    "Set runAsUser to a non-zero UID (or remove it and give the image a non-root USER).")
            .withPss(PssLevel.RESTRICTED).withCis("5.2.7")
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withEquivalent("trivy", "KSV105")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        KubernetesVersion target = context.settings().targetKubernetesVersion();
        if (!target.isAtLeast(SINCE)) {
            return List.of();
        }
        return context.workloads().stream()
                .filter(w -> !PodSecurity.relaxedForUserNamespace(w, target))
                .flatMap(w -> PodSecurity.atPodAndContainers(this, w,
                        v -> v.number().orElse(-1) == 0 ? Problem.of(v, "runAsUser is 0 (root)") : Optional.empty(),
                        "runAsUser").stream())
                .toList();
    }
}
