package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/** Regular containers should declare resources.requests.memory. */
public final class MemoryRequestsCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-053", "Memory request not set",
                    Severity.LOW, Category.WORKLOAD)
            .withText("Without a memory request the scheduler may place the pod on a node without room for it, and "
                    + "the pod is among the first evicted under memory pressure.",
                    "Set resources.requests.memory to the memory the container needs at normal load (for instance "
                            + "128Mi).")
            .withReferences("https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/")
            .withEquivalent("trivy", "KSV016").withEquivalent("checkov", "CKV_K8S_12")
            .withEquivalent("polaris", "memoryRequestsMissing").withEquivalent("kube-score", "container-resources")
            .withEquivalent("kubescape", "C-0004", "C-0269");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return ResourceRequirements.missing(this, context, "requests", "memory", "memory request");
    }
}
