package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * PSS Restricted "/proc Mount Type" (Kubernetes v1.35+): {@code securityContext.procMount} must be unset or
 * {@code Default} whatever {@code hostUsers} says. It exists because v1.35 relaxed the Baseline control
 * ({@link ProcMountCheck}) for user-namespaced pods while Restricted stayed strict. The admission controller's check
 * overrides the Baseline one: the item is one, so where both fire (a pod without a user namespace) this finding gives
 * way to the Baseline one, which names it; for a target below v1.35 it reports nothing and the Baseline check applies
 * alone.
 */
public final class RestrictedProcMountCheck implements Check {
    /** The first version with a Restricted /proc mount control of its own. */
    static final KubernetesVersion SINCE = new KubernetesVersion(1, 35);

    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-028", "Unmasked /proc mount (restricted)",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("The Restricted profile forbids an Unmasked /proc even in a pod with its own user namespace: "
                    + "the unmasked kernel interfaces are still reachable from the container.",
                    "Remove securityContext.procMount or set it to Default.")
            .withPss(PssLevel.RESTRICTED).withCis("5.7.3")
            .withReferences(PodSecurity.RESTRICTED_URL)
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        if (!context.settings().targetKubernetesVersion().isAtLeast(SINCE)) {
            return List.of();
        }
        return context.containers().flatMap(c -> PodSecurity.unmaskedProcMount(c).stream()
                .map(p -> finding(c, p, PodSecurity.describe(c) + " sets procMount to " + PodSecurity.value(p))))
                .toList();
    }
}
