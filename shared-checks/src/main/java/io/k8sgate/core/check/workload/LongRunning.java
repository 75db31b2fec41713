package io.k8sgate.core.check.workload;

import io.k8sgate.core.input.Container;

/**
 * Which containers run for the life of the pod: the regular ones, and init containers with
 * {@code restartPolicy: Always}, which Kubernetes (1.29+) runs as sidecars next to them. Ordinary init containers
 * run to completion one at a time before the pod starts, and ephemeral containers are short debugging sessions.
 */
final class LongRunning {
    private LongRunning() {
    }

    static boolean isLongRunning(final Container container) {
        return container.type() == Container.Type.CONTAINER || (container.type() == Container.Type.INIT
                && "Always".equals(container.field("restartPolicy").text("")));
    }
}
