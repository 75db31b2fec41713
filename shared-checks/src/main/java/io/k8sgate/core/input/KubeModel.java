package io.k8sgate.core.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The objects of one run, indexed for the checks: by kind, and the workloads with their pod specifications.
 */
public final class KubeModel {
    private final List<K8sObject> objects;
    private final List<Workload> workloads;
    private final Map<String, List<K8sObject>> byKind;

    /** Indexes the given objects. */
    public KubeModel(final List<K8sObject> objects) {
        this.objects = List.copyOf(objects);
        List<Workload> found = new ArrayList<>();
        Map<String, List<K8sObject>> kinds = new HashMap<>();
        for (K8sObject object : this.objects) {
            kinds.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
            Workload.of(object).ifPresent(found::add);
        }
        this.workloads = List.copyOf(found);
        kinds.replaceAll((k, v) -> List.copyOf(v));
        this.byKind = Collections.unmodifiableMap(kinds);
    }

    /** Every object, in input order. */
    public List<K8sObject> objects() {
        return objects;
    }

    /** Every object that runs pods. */
    public List<Workload> workloads() {
        return workloads;
    }

    /** The objects of one kind. */
    public List<K8sObject> ofKind(final String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /**
     * Every namespace the inputs mention: declared Namespace objects and the namespaces of namespaced objects
     * (objects without a namespace count as {@code default}).
     */
    public Set<String> namespaces() {
        Set<String> names = new TreeSet<>();
        for (K8sObject o : ofKind("Namespace")) {
            names.add(o.name());
        }
        for (Workload w : workloads) {
            names.add(w.namespace());
        }
        return names;
    }
}
