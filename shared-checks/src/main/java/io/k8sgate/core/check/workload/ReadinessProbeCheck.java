package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/** Long-running containers should have a readiness probe (see {@link Probes} for which containers are asked). */
public final class ReadinessProbeCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-059", "Readiness probe missing", Severity.LOW,
                    Category.WORKLOAD)
            .withText("Without a readiness probe a pod receives traffic as soon as its process starts, before it "
                    + "can serve, and keeps receiving it while it is overloaded or shutting down.",
                    "Add a readinessProbe that succeeds only when the container can serve requests.")
            .withReferences("https://kubernetes.io/docs/tasks/configure-pod-container/"
                    + "configure-liveness-readiness-startup-probes/")
            .withEquivalent("checkov", "CKV_K8S_9").withEquivalent("kube-linter", "no-readiness-probe")
            .withEquivalent("polaris", "readinessProbeMissing").withEquivalent("kube-score", "pod-probes")
            .withEquivalent("kubescape", "C-0018")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return Probes.missing(this, context, "readinessProbe", "readiness probe");
    }
}
