package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.CheckOverride.Item;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * PSS Baseline "/proc Mount Type": {@code securityContext.procMount} must be unset or {@code Default}. From
 * Kubernetes v1.35 the Baseline profile accepts any value for a pod with {@code hostUsers: false} (its /proc belongs
 * to its own user namespace); the Restricted profile keeps the strict rule, see {@link RestrictedProcMountCheck}.
 */
public final class ProcMountCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-010", "Unmasked /proc mount", Severity.HIGH,
                    Category.WORKLOAD)
            .withText("An Unmasked /proc mount removes the masks and read-only paths the runtime puts over "
                    + "sensitive kernel interfaces in /proc, exposing host information and settings.",
                    "Remove securityContext.procMount or set it to Default (an unmasked /proc is acceptable only "
                            + "in a pod with hostUsers: false on Kubernetes 1.35 or later).")
            .withPss(PssLevel.BASELINE).withCis("5.7.3")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV027").withEquivalent("kube-linter", "unsafe-proc-mount")
            .withEquivalent("polaris", "procMount").withEquivalent("kubescape", "C-0211")
            .withOverride(RestrictedProcMountCheck.METADATA.id(), Item.FIELD, "procMount setting")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> found = new ArrayList<>();
        for (Workload w : context.workloads()) {
            if (!PodSecurity.relaxedForUserNamespace(w, context.settings().targetKubernetesVersion())) {
                w.containers().forEach(c -> PodSecurity.unmaskedProcMount(c).ifPresent(p -> found.add(
                        finding(c, p, PodSecurity.describe(c) + " sets procMount to " + PodSecurity.value(p)))));
            }
        }
        return found;
    }
}
