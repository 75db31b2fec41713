package io.k8sgate.core.input;

import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The objects of one run, indexed for the checks: by kind, and the workloads with their pods. Building it also
 * finds the values the API server would refuse in the fields the checks read, and the objects it would refuse
 * ({@link #diagnostics()}).
 */
public final class KubeModel {
    private final List<K8sObject> objects;
    private final List<Workload> workloads;
    private final Map<String, List<K8sObject>> byKind;
    /** For each object index i, how many of the workloads belong to objects before i (one more entry at the end). */
    private final int[] workloadsBefore;
    private final List<Diagnostic> diagnostics;

    /** Indexes the given objects, finding workloads with the built-in table of pod-running kinds. */
    public KubeModel(final List<K8sObject> objects) {
        this(objects, WorkloadKinds.BUILT_IN);
    }

    /** Indexes the given objects, finding workloads with {@code kinds}. */
    public KubeModel(final List<K8sObject> objects, final WorkloadKinds kinds) {
        this(List.copyOf(objects), kinds, null);
    }

    @SuppressWarnings("ReferenceEquality") // known workloads belong to these very objects: matched by identity
    private KubeModel(final List<K8sObject> objects, final WorkloadKinds kinds,
            final @Nullable List<Workload> knownWorkloads) {
        this.objects = objects;
        this.workloadsBefore = new int[objects.size() + 1];
        List<Workload> found = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, List<K8sObject>> byKinds = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            K8sObject object = objects.get(i);
            workloadsBefore[i] = found.size();
            byKinds.computeIfAbsent(object.kind(), k -> new ArrayList<>()).add(object);
            if (knownWorkloads == null) {
                TypedFields.checkObject(object, problems::add);
                ApiServerValidation.checkObject(object, problems::add);
                List<Workload> own = kinds.workloadsOf(object, problems::add);
                found.addAll(own);
                own.forEach(w -> TypedFields.checkWorkload(w, problems::add));
            } else {
                while (found.size() < knownWorkloads.size() && knownWorkloads.get(found.size()).object() == object) {
                    found.add(knownWorkloads.get(found.size()));
                }
            }
        }
        workloadsBefore[objects.size()] = found.size();
        this.workloads = List.copyOf(found);
        byKinds.replaceAll((k, v) -> List.copyOf(v));
        this.byKind = Collections.unmodifiableMap(byKinds);
        this.diagnostics = List.copyOf(new LinkedHashSet<>(problems));
    }

    /**
     * The model of the objects from index {@code from} (inclusive) to {@code to} (exclusive), sharing this model's
     * workloads (and so what they have already worked out, such as their containers).
     */
    public KubeModel slice(final int from, final int to) {
        return new KubeModel(objects.subList(from, to), WorkloadKinds.BUILT_IN, workloads.subList(
                workloadsBefore[from], workloadsBefore[to]));
    }

    /**
     * The values the API server would refuse in the fields the checks read (a quoted {@code "true"} in
     * {@code privileged}, {@code 0.5} in {@code runAsUser}) and the objects it would refuse (a kind spelt with the
     * wrong case, a binding the RBAC API rejects): input errors, one per value or rule, naming file and line.
     */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
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
