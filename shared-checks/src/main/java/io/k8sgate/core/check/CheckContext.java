package io.k8sgate.core.check;

import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.KubeModel;
import io.k8sgate.core.input.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything a check may look at: the manifests, the settings, and further inputs or analyses attached by type
 * (scan reports, the RBAC graph, ...). Analyses are computed once per run and shared by the checks that need them.
 */
public final class CheckContext {
    private final KubeModel model;
    private final CheckSettings settings;
    private final Map<Class<?>, Object> attachments;
    private final Map<Class<?>, Object> analyses = new ConcurrentHashMap<>();

    private CheckContext(final KubeModel model, final CheckSettings settings, final Map<Class<?>, Object> attached) {
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.attachments = Map.copyOf(attached);
    }

    /** A context over the given objects. */
    public static CheckContext of(final List<K8sObject> objects, final CheckSettings settings) {
        return new CheckContext(new KubeModel(objects), settings, Map.of());
    }

    /** The same context with one more input attached under its type. */
    public <T> CheckContext with(final Class<T> type, final T value) {
        Map<Class<?>, Object> all = new HashMap<>(attachments);
        all.put(type, value);
        return new CheckContext(model, settings, all);
    }

    /** An attached input, if the run has one. */
    public <T> Optional<T> attachment(final Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /** An analysis computed once per run from this context, then shared. */
    public <T> T analysis(final Class<T> type, final Function<CheckContext, T> compute) {
        Object existing = analyses.get(type);
        if (existing == null) {
            existing = compute.apply(this);
            Object raced = analyses.putIfAbsent(type, existing);
            if (raced != null) {
                existing = raced;
            }
        }
        return type.cast(existing);
    }

    /** The indexed manifests. */
    public KubeModel model() {
        return model;
    }

    /** Every object. */
    public List<K8sObject> objects() {
        return model.objects();
    }

    /** The objects of one kind. */
    public List<K8sObject> ofKind(final String kind) {
        return model.ofKind(kind);
    }

    /** Every workload. */
    public List<Workload> workloads() {
        return model.workloads();
    }

    /** Every container of every workload. */
    public Stream<Container> containers() {
        return model.workloads().stream().flatMap(w -> w.containers().stream());
    }

    /** The settings from the policy. */
    public CheckSettings settings() {
        return settings;
    }
}
