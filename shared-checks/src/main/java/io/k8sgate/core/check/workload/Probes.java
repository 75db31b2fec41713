package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.model.Finding;
import java.util.List;

/**
 * The shared logic of the liveness and readiness checks. Probes are asked of containers that run for the life of the
 * pod ({@link LongRunning}): init containers run to completion before the pod is ready, ephemeral containers cannot
 * have probes, and pods that
 * run to completion (Jobs, CronJobs, job templates of custom resources, pods whose restartPolicy is Never or
 * OnFailure) are done when their process exits.
 */
final class Probes {
    private Probes() {
    }

    static List<Finding> missing(final Check check, final CheckContext context, final String field,
            final String label) {
        return context.workloads().stream()
                .filter(w -> !runsToCompletion(w))
                .flatMap(w -> w.containers().stream())
                .filter(LongRunning::isLongRunning)
                .filter(c -> c.field(field).isUnset())
                .map(c -> check.finding(c, c.field(field), "Container '" + c.name() + "' has no " + label))
                .toList();
    }

    private static boolean runsToCompletion(final Workload workload) {
        String restart = workload.podSpec().get("restartPolicy").text("Always");
        return workload.runsToCompletion() || "Never".equals(restart) || "OnFailure".equals(restart)
                || workload.object().root().path("spec", "jobTemplate").isPresent();
    }
}
