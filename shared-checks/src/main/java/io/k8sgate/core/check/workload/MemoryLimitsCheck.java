package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/** Regular containers should declare resources.limits.memory. */
public final class MemoryLimitsCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-054", "Memory limit not set",
                    Severity.MEDIUM, Category.WORKLOAD)
            .withText("Without a memory limit a leaking or compromised container can exhaust its node's memory; the "
                    + "kernel then kills processes of other pods too.",
                    "Set resources.limits.memory (for instance 256Mi).")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
            .withEquivalent("trivy", "KSV018").withEquivalent("checkov", "CKV_K8S_13")
            .withEquivalent("kube-linter", "unset-memory-requirements").withEquivalent("polaris", "memoryLimitsMissing")
            .withEquivalent("kube-score", "container-resources")
            .withEquivalent("kubescape", "C-0004", "C-0009", "C-0271");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ResourceRequirements.missing(this, context, "limits", "memory", "memory limit");
    }
}
