package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.workload.PodSecurity.Problem;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;
import java.util.Optional;

/**
 * PSS Baseline "HostProcess": {@code securityContext.windowsOptions.hostProcess} must be unset or false, at pod level
 * and in every container. One finding per place that sets it to true.
 */
public final class HostProcessCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-013", "Windows HostProcess container",
                    Severity.CRITICAL, Category.WORKLOAD)
            .withText("A Windows HostProcess container runs directly on the node as a host process, with access to "
                    + "the host's network, file system and devices: the Windows equivalent of a privileged pod.",
                    "Remove windowsOptions.hostProcess (or set it to false); run node management tasks outside "
                            + "the application namespaces.")
            .withPss(PssLevel.BASELINE).withCis("5.2.11")
            .withReferences(PodSecurity.BASELINE_URL,
                    "https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/")
            .withEquivalent("trivy", "KSV103").withEquivalent("polaris", "hostProcess")
            .withEquivalent("kubescape", "C-0211")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return context.workloads().stream()
                .flatMap(w -> PodSecurity.atPodAndContainers(this, w,
                        v -> v.isTrue() ? Problem.of(v, "windowsOptions.hostProcess is true") : Optional.empty(),
                        "windowsOptions", "hostProcess").stream())
                .toList();
    }
}
