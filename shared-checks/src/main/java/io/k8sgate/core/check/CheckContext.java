package io.k8sgate.core.check;

import io.k8sgate.core.input.Container;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.KubeModel;
import io.k8sgate.core.input.SourceMap;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    private final Map<Class<?>, FutureTask<Object>> analyses = new ConcurrentHashMap<>();

    private CheckContext(final KubeModel model, final CheckSettings settings, final Map<Class<?>, Object> attached) {
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.attachments = Map.copyOf(attached);
    }

    /** A context over the given objects. */
    public static CheckContext of(final List<K8sObject> objects, final CheckSettings settings) {
        return new CheckContext(new KubeModel(objects, settings.workloadKinds()), settings, Map.of());
    }

    /**
     * The same context over consecutive slices of at most {@code size} objects each, in input order: same settings and
     * attached inputs, analyses of their own (a check that needs an analysis of the whole run is not evaluated on
     * slices).
     */
    public List<CheckContext> slices(final int size) {
        if (size < 1) {
            throw new IllegalArgumentException("slice size must be positive: " + size);
        }
        int total = model.objects().size();
        if (total <= size) {
            return List.of(this);
        }
        List<CheckContext> slices = new ArrayList<>();
        for (int from = 0; from < total; from += size) {
            slices.add(new CheckContext(model.slice(from, Math.min(total, from + size)), settings, attachments));
        }
        return slices;
    }

    /** The same context with one more input attached under its type. */
    public <T> CheckContext with(final Class<T> type, final T value) {
        Map<Class<?>, Object> all = new HashMap<>(attachments);
        all.put(type, value);
        return new CheckContext(model, settings, all);
    }

    /**
     * Where another object is, as a message cites it: {@code file:line} of the manifest, or for an object a chart or
     * kustomization rendered, the template, base or patch file and line that findings on it are placed at (the run's
     * {@link SourceMap}, when attached).
     */
    public String cite(final K8sObject object) {
        return cite(object.location());
    }

    /** A place in the inputs as a message cites it, led back to its source as {@link #cite(K8sObject)} does. */
    public String cite(final Location at) {
        return attachment(SourceMap.class).orElse(SourceMap.EMPTY).cite(at);
    }

    /** An attached input, if the run has one. */
    public <T> Optional<T> attachment(final Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /**
     * An analysis computed once per run from this context, then shared: checks running in parallel that ask for the
     * same analysis wait for the one computing it rather than each computing their own. An analysis may ask for
     * another one while it is computed.
     */
    public <T> T analysis(final Class<T> type, final Function<CheckContext, T> compute) {
        FutureTask<Object> task = new FutureTask<>(() -> compute.apply(this));
        FutureTask<Object> existing = analyses.putIfAbsent(type, task);
        if (existing == null) {
            existing = task;
            task.run();
        }
        try {
            return type.cast(existing.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("analysis " + type.getSimpleName() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for analysis " + type.getSimpleName(), e);
        }
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
