package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/** Regular containers should declare resources.limits.cpu. */
public final class CpuLimitsCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-052", "CPU limit not set",
                    Severity.LOW, Category.WORKLOAD)
            .withText("Without a CPU limit one container can use every core of its node and slow down its "
                    + "neighbours, a denial of service that a compromised or runaway process can cause.",
                    "Set resources.limits.cpu (for instance 500m), or turn this check off in the policy if the "
                            + "cluster deliberately runs without CPU limits.")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
            .withEquivalent("trivy", "KSV011").withEquivalent("checkov", "CKV_K8S_11")
            .withEquivalent("polaris", "cpuLimitsMissing").withEquivalent("kube-score", "container-resources")
            .withEquivalent("kubescape", "C-0009", "C-0050", "C-0270");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ResourceRequirements.missing(this, context, "limits", "cpu", "CPU limit");
    }
}
