package io.k8sgate.core.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one run, indexed for the checks: by kind, and the workloads with their pod specifications.
 */
public final class KubeModel {
    private final List<K8sObject> objects;
    private final List<Workload> workloads;
    private final Map<String, List<K8sObject>> byKind;
    /** For each object index i, how many of the workloads belong to objects before i (one more entry at the end). */
    private final int[] workloadsBefore;

    /** Indexes the given objects. */
    public KubeModel(final List<K8sObject> objects) {
        this(List.copyOf(objects), null);
    }

    private KubeModel(final List<K8sObject> objects, final @Nullable List<Workload> knownWorkloads) {
        this.objects = objects;
        this.workloadsBefore = new int[objects.size() + 1];
        List<Workload> found = new ArrayList<>();
        Map<String, List<K8sObject>> kinds = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            K8sObject object = objects.get(i);
            workloadsBefore[i] = found.size();
            kinds.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
            if (knownWorkloads == null) {
                Workload.of(object).ifPresent(found::add);
            } else if (found.size() < knownWorkloads.size() && knownWorkloads.get(found.size()).object() == object) {
                found.add(knownWorkloads.get(found.size()));
            }
        }
        workloadsBefore[objects.size()] = found.size();
        this.workloads = List.copyOf(found);
        kinds.replaceAll((k, v) -> List.copyOf(v));
        this.byKind = Collections.unmodifiableMap(kinds);
    }

    /**
     * The model of the objects from index {@code from} (inclusive) to {@code to} (exclusive), sharing this model's
     * workloads (and so what they have already worked out, such as their containers).
     */
    public KubeModel slice(final int from, final int to) {
        return new KubeModel(objects.subList(from, to), workloads.subList(workloadsBefore[from],
                workloadsBefore[to]));
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
