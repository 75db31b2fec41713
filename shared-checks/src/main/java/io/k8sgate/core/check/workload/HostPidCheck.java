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
 * PSS Baseline "Host Namespaces", process ID namespace part: {@code spec.hostPID} must be unset or false. The three
 * host namespaces are three checks (K8S-WL-002 network, K8S-WL-003 PID, K8S-WL-004 IPC) because every other tool
 * reports them separately, so each finding maps to one peer id and can be exempted on its own.
 */
public final class HostPidCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-003", "Host PID namespace",
                    Severity.HIGH, Category.WORKLOAD)
            .withText(
                    "A pod in the host PID namespace sees every process of the node, can read their environment and "
                    + "signal them, and can reach the node through /proc.",
                    "Remove spec.hostPID (or set it to false); "
                            + "use a debug container or a node-level tool for process inspection.")
            .withPss(PssLevel.BASELINE).withCis("5.2.3")
            .withReferences(PodSecurity.BASELINE_URL)
            .withEquivalent("trivy", "KSV010").withEquivalent("checkov", "CKV_K8S_17")
            .withEquivalent("kube-linter", "host-pid").withEquivalent("polaris", "hostPIDSet")
            .withEquivalent("kubescape", "C-0038", "C-0275")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return PodSecurity.hostNamespace(this, context, "hostPID", "process ID namespace");
    }
}
