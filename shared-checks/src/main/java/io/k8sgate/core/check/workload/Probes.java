package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.model.Finding;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /** The findings for every long-running container of every long-running workload without the probe. */
    static List<Finding> missing(final Check check, final CheckContext context, final String field,
            final String label) {
        return missing(check, context, field, label, w -> true, w -> "");
    }

    /**
     * The findings for the long-running containers without the probe, among the workloads {@code asked} selects.
     *
     * @param why what the message adds after the missing probe, for the workload (empty for nothing)
     */
    static List<Finding> missing(final Check check, final CheckContext context, final String field,
            final String label, final Predicate<Workload> asked, final Function<Workload, String> why) {
        return context.workloads().stream()
                .filter(w -> !runsToCompletion(w))
                .filter(asked)
                .flatMap(w -> w.containers().stream()
                        .filter(LongRunning::isLongRunning)
                        .filter(c -> c.field(field).isUnset())
                        .map(c -> check.finding(c, c.field(field),
                                "Container '" + c.name() + "' has no " + label + why.apply(w))))
                .toList();
    }

    private static boolean runsToCompletion(final Workload workload) {
        String restart = workload.podSpec().get("restartPolicy").text("Always");
        return workload.runsToCompletion() || "Never".equals(restart) || "OnFailure".equals(restart)
                || workload.object().root().path("spec", "jobTemplate").isPresent();
    }
}
