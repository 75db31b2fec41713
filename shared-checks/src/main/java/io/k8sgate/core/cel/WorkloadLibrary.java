package io.k8sgate.core.cel;

import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.WorkloadKinds;
import io.k8sgate.core.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gate's helpers for custom checks, so that a rule about pods is written once for every kind that runs them:
 * {@code podSpec(object)} (the pod specification of a Pod, of a controller's template, of a CronJob's job template,
 * of every kind of the table of pod-running kinds, the policy's {@code workloadKinds} included),
 * {@code podMetadata(object)} (for kinds that run several pods: the first one's) and {@code allContainers(object)}
 * (init, regular and ephemeral containers of every pod of the object). They find pods exactly as the built-in checks
 * do; for an object that runs no pods they give an empty map or list. They are not part of Kubernetes' CEL, so
 * admission policies cannot use them.
 */
final class WorkloadLibrary {
    private WorkloadLibrary() {
    }

    static Library create() {
        List<Class<?>> any = List.of(Object.class);
        return new Library()
                .global("podSpec", "gate_pod_spec", MapType.create(SimpleType.STRING, SimpleType.DYN),
                        List.of(SimpleType.DYN), any, args -> workloads(args[0], "podSpec").stream().findFirst()
                                .map(w -> NodeValues.of(w.podSpec())).orElse(Map.of()))
                .global("podMetadata", "gate_pod_metadata", MapType.create(SimpleType.STRING, SimpleType.DYN),
                        List.of(SimpleType.DYN), any, args -> workloads(args[0], "podMetadata").stream().findFirst()
                                .filter(w -> w.podMetadata().isMap()).map(w -> NodeValues.of(w.podMetadata()))
                                .orElse(Map.of()))
                .global("allContainers", "gate_all_containers", ListType.create(SimpleType.DYN),
                        List.of(SimpleType.DYN), any, args -> {
                        List<Object> all = new ArrayList<>();
                        for (Workload w : workloads(args[0], "allContainers")) {
                            for (Container c : w.containers()) {
                                all.add(NodeValues.of(c.node()));
                            }
                        }
                        return all;
                    });
    }

    private static List<Workload> workloads(final Object value, final String function)
            throws CelEvaluationException {
        YamlNode node = NodeValues.node(value);
        if (node == null || !node.isMap()) {
            throw new CelEvaluationException(function + "() takes an object of the manifests, such as object");
        }
        WorkloadKinds kinds = NodeValues.kinds(value);
        return (kinds == null ? WorkloadKinds.BUILT_IN : kinds).workloadsOf(new K8sObject(node, "", 0));
    }
}
