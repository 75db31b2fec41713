package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/** Regular containers should declare resources.requests.cpu. */
public final class CpuRequestsCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-051", "CPU request not set",
                    Severity.LOW, Category.WORKLOAD)
            .withText("Without a CPU request the scheduler places the pod as if it needed no CPU, and under "
                    + "contention it is the first to be starved (BestEffort quality of service).",
                    "Set resources.requests.cpu to the CPU the container needs at normal load (for instance 100m).")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
            .withEquivalent("trivy", "KSV015").withEquivalent("checkov", "CKV_K8S_10")
            .withEquivalent("kube-linter", "unset-cpu-requirements").withEquivalent("polaris", "cpuRequestsMissing")
            .withEquivalent("kube-score", "container-resources").withEquivalent("kubescape", "C-0050", "C-0268");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ResourceRequirements.missing(this, context, "requests", "cpu", "CPU request");
    }
}
