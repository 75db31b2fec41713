package io.k8sgate.core.check.workload;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Finding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shared logic of the four resource checks (CPU and memory, requests and limits), kept as four checks so that a
 * policy can turn off one of them (CPU limits, typically) without losing the others.
 *
 * <p>Only containers that run for the life of the pod are checked (see {@link LongRunning}): init containers run
 * one at a time before them and are left out by the peers for that reason, and ephemeral containers cannot declare
 * resources at all. A value counts as set when
 * Kubernetes would fill it in: a missing request takes the container's limit, and a LimitRange of the same namespace
 * in the inputs supplies defaults.
 */
final class ResourceRequirements {
    private ResourceRequirements() {
    }

    /**
     * The findings of one resource check.
     *
     * @param check    the check reporting
     * @param context  the inputs
     * @param field    {@code requests} or {@code limits}
     * @param resource {@code cpu} or {@code memory}
     * @param label    how the message names the value, such as "CPU request"
     */
    static List<Finding> missing(final Check check, final CheckContext context, final String field,
            final String resource, final String label) {
        Defaults defaults = context.analysis(Defaults.class, Defaults::of);
        return context.containers()
                .filter(LongRunning::isLongRunning)
                .filter(c -> !isSet(c, field, resource))
                .filter(c -> !defaults.covers(c.workload().namespace(), field, resource))
                .map(c -> check.finding(c, c.field("resources", field, resource),
                        "Container '" + c.name() + "' sets no " + label))
                .toList();
    }

    private static boolean isSet(final Container container, final String field, final String resource) {
        YamlNode resources = container.field("resources");
        if (resources.path(field, resource).isPresent()) {
            return true;
        }
        return "requests".equals(field) && resources.path("limits", resource).isPresent();
    }

    /**
     * What the LimitRanges of the inputs fill in, by namespace, as {@code field/resource} entries.
     *
     * @param covered the defaulted values by namespace
     */
    record Defaults(Map<String, Set<String>> covered) {
        static Defaults of(final CheckContext context) {
            Map<String, Set<String>> covered = new HashMap<>();
            for (K8sObject range : context.ofKind("LimitRange")) {
                String namespace = range.namespace().isEmpty() ? "default" : range.namespace();
                for (YamlNode limit : range.root().path("spec", "limits").elements()) {
                    if (!"Container".equals(limit.get("type").text(""))) {
                        continue;
                    }
                    Set<String> set = covered.computeIfAbsent(namespace, n -> new HashSet<>());
                    // The API server defaults "default" from "max" and "defaultRequest" from "default".
                    for (String resource : List.of("cpu", "memory")) {
                        boolean limits = limit.path("default", resource).isPresent()
                                || limit.path("max", resource).isPresent();
                        if (limits) {
                            set.add("limits/" + resource);
                        }
                        if (limits || limit.path("defaultRequest", resource).isPresent()) {
                            set.add("requests/" + resource);
                        }
                    }
                }
            }
            return new Defaults(Map.copyOf(covered));
        }

        boolean covers(final String namespace, final String field, final String resource) {
            return covered.getOrDefault(namespace, Set.of()).contains(field + "/" + resource);
        }
    }
}
