package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.PssLevel;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * PSS Baseline "Host Namespaces", IPC namespace part: {@code spec.hostIPC} must be unset or false. The three host
 * namespaces are three checks (K8S-WL-002 network, K8S-WL-003 PID, K8S-WL-004 IPC) because every other tool reports
 * them separately, so each finding maps to one peer id and can be exempted on its own.
 */
public final class HostIpcCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-004", "Host IPC namespace",
                    Severity.HIGH, Category.WORKLOAD)
            .withText(
                    "A pod in the host IPC namespace can read and write the shared memory and message queues of every "
                    + "process on the node.",
                    "Remove spec.hostIPC (or set it to false); share memory "
                            + " between containers of the pod through an emptyDir volume with medium Memory.")
            .withPss(PssLevel.BASELINE).withCis("5.2.4")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV008").withEquivalent("checkov", "CKV_K8S_18")
            .withEquivalent("kube-linter", "host-ipc").withEquivalent("polaris", "hostIPCSet")
            .withEquivalent("kubescape", "C-0038", "C-0276")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return PodSecurity.hostNamespace(this, context, "hostIPC", "IPC namespace");
    }
}
