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
 * PSS Restricted "Seccomp": every container must run with {@code seccompProfile.type} {@code RuntimeDefault} or
 * {@code Localhost}, set on the container or inherited from the pod. A bad value is reported where it is written; a
 * container that sets nothing, in a pod that sets nothing, is reported at the path where the field belongs. Applies
 * from Kubernetes v1.19 (the fields); from v1.25 pods with {@code spec.os.name: windows} are exempt. An Unconfined
 * profile is reported by this check and by the Baseline {@link SeccompUnconfinedCheck}, which it replaces in the
 * admission controller's Restricted profile.
 */
public final class SeccompProfileCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-025", "Seccomp profile not set",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("Without a seccomp profile the container runs Unconfined on most runtimes, with every system "
                    + "call of the kernel available.",
                    "Set spec.securityContext.seccompProfile.type: RuntimeDefault (or Localhost with a profile "
                            + "installed on the nodes) so that every container inherits it.")
            .withPss(PssLevel.RESTRICTED).withCis("5.7.2")
            .withReferences(PodSecurity.RESTRICTED_URL, "https://kubernetes.io/docs/tutorials/security/seccomp/")
            .withEquivalent("trivy", "KSV030").withEquivalent("checkov", "CKV_K8S_31")
            .withEquivalent("kube-score", "container-seccomp-profile").withEquivalent("kubescape", "C-0210")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        KubernetesVersion target = context.settings().targetKubernetesVersion();
        if (!target.isAtLeast(SeccompUnconfinedCheck.FIELDS_SINCE)) {
            return List.of();
        }
        return context.workloads().stream()
                .filter(w -> !PodSecurity.exemptAsWindows(w, target))
                .flatMap(w -> PodSecurity.required(this, w, "seccompProfile",
                        p -> SeccompUnconfinedCheck.CONFINED.contains(p.get("type").text("")), p -> p.get("type"),
                        p -> "seccompProfile.type is " + PodSecurity.value(p.get("type")),
                        "sets no seccompProfile, and the pod does not either").stream())
                .toList();
    }
}
