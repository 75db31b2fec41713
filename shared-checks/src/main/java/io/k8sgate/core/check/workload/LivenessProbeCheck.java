package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/** Long-running containers should have a liveness probe (see {@link Probes} for which containers are asked). */
public final class LivenessProbeCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-058", "Liveness probe missing", Severity.LOW,
                    Category.WORKLOAD)
            .withText("Without a liveness probe Kubernetes restarts a container only when its process exits: a "
                    + "hung or deadlocked service keeps running and keeps failing requests.",
                    "Add a livenessProbe (httpGet, tcpSocket, grpc or exec) that fails when the process can no "
                            + "longer do its work; keep it cheaper and more tolerant than the readiness probe.")
            .withReferences("https://kubernetes.io/docs/tasks/configure-pod-container/"
                    + "configure-liveness-readiness-startup-probes/")
            .withEquivalent("checkov", "CKV_K8S_8").withEquivalent("kube-linter", "no-liveness-probe")
            .withEquivalent("polaris", "livenessProbeMissing").withEquivalent("kube-score", "pod-probes")
            .withEquivalent("kubescape", "C-0056")
            .withObjectScope();

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return Probes.missing(this, context, "livenessProbe", "liveness probe");
    }
}
