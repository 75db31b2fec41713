package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.exposure.ServiceBackends;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.List;

/**
 * Long-running containers should have a readiness probe (see {@link Probes} for which containers are asked) when
 * their pods receive traffic through a Service. Readiness decides one thing: whether the endpoints controller lists
 * the pod among the endpoints of the Services that select it. So when the inputs hold Services, only the workloads a
 * Service of their namespace selects are asked (kube-score does the same); a pod no Service selects receives no
 * Service traffic, and its missing readiness probe changes nothing. When the inputs hold no Service at all they do
 * not say where traffic goes (the Services may be deployed from elsewhere), and every long-running workload is asked,
 * as kube-linter, Polaris and Checkov ask.
 */
public final class ReadinessProbeCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-WL-059", "Readiness probe missing", Severity.LOW,
                    Category.WORKLOAD)
            .withText("Without a readiness probe a pod receives Service traffic as soon as its process starts, "
                    + "before it can serve, and keeps receiving it while it is overloaded or shutting down. When the "
                    + "inputs hold Services, only the workloads a Service of their namespace selects are asked; "
                    + "without any Service in the inputs, every long-running workload is.",
                    "Add a readinessProbe that succeeds only when the container can serve requests.")
            .withReferences("https://kubernetes.io/docs/tasks/configure-pod-container/"
                    + "configure-liveness-readiness-startup-probes/",
                    "https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-probes")
            .withEquivalent("checkov", "CKV_K8S_9").withEquivalent("kube-linter", "no-readiness-probe")
            .withEquivalent("polaris", "readinessProbeMissing").withEquivalent("kube-score", "pod-probes")
            .withEquivalent("kubescape", "C-0018");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        ServiceBackends services = ServiceBackends.of(context);
        if (!services.anyService()) {
            return Probes.missing(this, context, "readinessProbe", "readiness probe");
        }
        return Probes.missing(this, context, "readinessProbe", "readiness probe",
                w -> !services.servicesOf(w).isEmpty(),
                w -> ", and Service '" + services.servicesOf(w).get(0).name() + "' sends its pod traffic");
    }
}
