package io.k8sgate.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.k8sgate.core.baseline.Baseline;
import io.k8sgate.core.baseline.BaselineDiff;
import io.k8sgate.core.baseline.BaselineException;
import io.k8sgate.core.baseline.BaselineResource;
import io.k8sgate.core.baseline.Drift;
import io.k8sgate.core.baseline.FieldChange;
import io.k8sgate.core.baseline.ResourceChange;
import io.k8sgate.core.baseline.ResourceNormaliser;
import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.model.ResourceRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A baseline version against the objects live in a cluster.
 *
 * <p>Live objects are normalised the way baselines are (server-populated fields and secret values dropped). Fields
 * the API server defaults are not drift, so a live object is compared on the fields the baseline declares, plus any
 * security-relevant field (privileged, capabilities, host namespaces, hostPath, ...) and any container or list entry
 * that was added live. Objects of the baseline's namespaced kinds that exist live but not in the baseline are listed
 * as added.
 */
public final class LiveCluster implements AutoCloseable {
    /** The field manager of server-side apply. */
    public static final String FIELD_MANAGER = "k8s-security-gate";
    private static final Set<String> SECURITY_KEYS = Set.of("privileged", "allowPrivilegeEscalation",
            "capabilities", "hostNetwork", "hostPID", "hostIPC", "hostUsers", "hostPath", "hostPort",
            "serviceAccountName", "automountServiceAccountToken", "runAsUser", "runAsNonRoot", "runAsGroup",
            "readOnlyRootFilesystem", "procMount", "securityContext");
    private static final List<String> APPLY_ORDER = List.of("Namespace", "CustomResourceDefinition",
            "ServiceAccount", "Secret", "ConfigMap", "ClusterRole", "Role", "ClusterRoleBinding", "RoleBinding",
            "Service");

    private final KubernetesClient client;

    /** A cluster reached through the given client (closed with this object). */
    public LiveCluster(final KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Connects like kubectl does.
     *
     * @param kubeconfig the kubeconfig file; empty for {@code KUBECONFIG} or {@code ~/.kube/config}
     * @param context    the context; empty for the current one
     */
    public static LiveCluster connect(final Optional<Path> kubeconfig, final Optional<String> context) {
        Config config = kubeconfig.isPresent()
                ? Config.fromKubeconfig(context.orElse(null), kubeconfig.get().toFile())
                : Config.autoConfigure(context.orElse(null));
        return new LiveCluster(new KubernetesClientBuilder().withConfig(config).build());
    }

    /** Where the client points, for messages. */
    public String describe() {
        return client.getMasterUrl() + " (namespace " + client.getNamespace() + ")";
    }

    /**
     * How the cluster drifted from a version.
     *
     * @param baseline   the version
     * @param namespaces where to look for objects that are live but not in the baseline; empty for the baseline's
     *                   own namespaces
     */
    public Drift drift(final Baseline baseline, final List<String> namespaces) {
        List<ResourceRef> removed = new ArrayList<>();
        List<ResourceChange> changed = new ArrayList<>();
        Set<ResourceRef> declared = new LinkedHashSet<>();
        Map<Class<? extends HasMetadata>, Set<String>> kinds = new LinkedHashMap<>();
        for (BaselineResource r : baseline.content().resources()) {
            HasMetadata wanted = typed(r);
            ResourceRef ref = ref(wanted);
            declared.add(ref);
            if (wanted instanceof Namespaced) {
                kinds.computeIfAbsent(wanted.getClass(), c -> new LinkedHashSet<>())
                        .add(wanted.getMetadata().getNamespace());
            }
            Optional<Map<String, @Nullable Object>> live = live(wanted);
            if (live.isEmpty()) {
                removed.add(ref);
                continue;
            }
            List<FieldChange> fields = BaselineDiff.fields(r.kind(), r.content(), declaredPart(live.get(),
                    r.content()));
            if (!fields.isEmpty()) {
                changed.add(new ResourceChange(ref, fields));
            }
        }
        List<ResourceRef> added = new ArrayList<>();
        kinds.forEach((type, baselineNamespaces) -> {
            for (String ns : namespaces.isEmpty() ? baselineNamespaces : namespaces) {
                for (HasMetadata item : call(() -> client.resources(type).inNamespace(ns).list().getItems())) {
                    ResourceRef ref = ref(item);
                    if (!declared.contains(ref)) {
                        added.add(ref);
                    }
                }
            }
        });
        return new Drift(added, removed, changed);
    }

    /**
     * Brings the cluster back to a version by server-side apply (field manager {@value #FIELD_MANAGER}, conflicts
     * forced). Objects that hold secret values, which baselines do not keep, are skipped.
     *
     * @param baseline the version
     * @param apply    false for a server-side dry run that changes nothing
     * @return one action per object of the version, in the order they are applied
     */
    public List<RollbackAction> rollback(final Baseline baseline, final boolean apply) {
        List<BaselineResource> ordered = new ArrayList<>(baseline.content().resources());
        ordered.sort(Comparator.comparingInt(LiveCluster::applyRank));
        List<RollbackAction> actions = new ArrayList<>();
        for (BaselineResource r : ordered) {
            HasMetadata wanted = typed(r);
            ResourceRef ref = ref(wanted);
            if (SecretRedaction.containsRedacted(r.content())) {
                actions.add(new RollbackAction(ref, RollbackAction.Type.SKIPPED, List.of(), "it holds secret "
                        + "values that baselines do not keep; apply it from source control"));
                continue;
            }
            Optional<Map<String, @Nullable Object>> live = live(wanted);
            List<FieldChange> changes = live.map(l -> BaselineDiff.fields(r.kind(), declaredPart(l, r.content()),
                    r.content())).orElse(List.of());
            if (live.isPresent() && changes.isEmpty()) {
                actions.add(new RollbackAction(ref, RollbackAction.Type.UNCHANGED, List.of(), ""));
                continue;
            }
            call(() -> client.resource(wanted).dryRun(!apply).fieldManager(FIELD_MANAGER).forceConflicts()
                    .serverSideApply());
            boolean leftAlone = changes.stream().anyMatch(c -> c.after().isEmpty());
            actions.add(new RollbackAction(ref, live.isEmpty() ? RollbackAction.Type.CREATE
                    : RollbackAction.Type.UPDATE, changes, leftAlone ? "fields the version does not set stay "
                    + "unless " + FIELD_MANAGER + " applied them before; remove them by hand if needed" : ""));
        }
        return actions;
    }

    @Override
    public void close() {
        client.close();
    }

    private HasMetadata typed(final BaselineResource r) {
        KubernetesResource resource;
        try {
            // through JSON text, so that numbers take the Java types the model classes expect (int, not long)
            String json = client.getKubernetesSerialization().asJson(new TreeMap<>(r.content()));
            resource = client.getKubernetesSerialization().unmarshal(json, KubernetesResource.class);
        } catch (IllegalArgumentException e) {
            throw new BaselineException("Cannot read " + r.ref().display() + " of the baseline as a Kubernetes "
                    + "object: " + e.getMessage(), e);
        }
        if (!(resource instanceof HasMetadata object)) {
            throw new BaselineException(r.ref().display() + " of the baseline is not a Kubernetes object");
        }
        if (object instanceof Namespaced && (object.getMetadata().getNamespace() == null
                || object.getMetadata().getNamespace().isEmpty())) {
            object.getMetadata().setNamespace(client.getNamespace());
        }
        return object;
    }

    private Optional<Map<String, @Nullable Object>> live(final HasMetadata wanted) {
        HasMetadata found = call(() -> client.resource(wanted).get());
        if (found == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // an object always serialises to a JSON object
        Map<String, @Nullable Object> map = client.getKubernetesSerialization().convertValue(found, Map.class);
        return Optional.of(ResourceNormaliser.normalise(map));
    }

    private <T> T call(final java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (KubernetesClientException e) {
            throw new BaselineException("The cluster at " + client.getMasterUrl() + " refused or did not answer: "
                    + e.getMessage(), e);
        }
    }

    private static ResourceRef ref(final HasMetadata object) {
        String ns = object.getMetadata().getNamespace();
        return new ResourceRef(object.getKind(), ns == null ? "" : ns, object.getMetadata().getName());
    }

    private static int applyRank(final BaselineResource r) {
        int rank = APPLY_ORDER.indexOf(r.kind());
        return rank < 0 ? APPLY_ORDER.size() : rank;
    }

    /**
     * The part of a live object that the comparison looks at: the fields the baseline declares, security-relevant
     * fields, and list entries added live.
     */
    static Map<String, @Nullable Object> declaredPart(final Map<String, @Nullable Object> live,
            final Map<String, @Nullable Object> declared) {
        @SuppressWarnings("unchecked") // maps in, maps out
        Map<String, @Nullable Object> part = (Map<String, @Nullable Object>) Objects.requireNonNull(
                prune(live, declared), "a map prunes to a map");
        return part;
    }

    private static @Nullable Object prune(final @Nullable Object live, final @Nullable Object declared) {
        if (live instanceof Map<?, ?> liveMap && declared instanceof Map<?, ?> declaredMap) {
            Map<String, @Nullable Object> kept = new TreeMap<>();
            liveMap.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (declaredMap.containsKey(key)) {
                    kept.put(key, prune(v, declaredMap.get(key)));
                } else if (SECURITY_KEYS.contains(key) && !isEmpty(v)
                        && !("serviceAccountName".equals(key) && "default".equals(v))) {
                    kept.put(key, v);
                }
            });
            return kept;
        }
        if (live instanceof List<?> liveList && declared instanceof List<?> declaredList) {
            Map<String, Object> byName = new LinkedHashMap<>();
            declaredList.forEach(e -> name(e).ifPresent(n -> byName.put(n, e)));
            List<@Nullable Object> kept = new ArrayList<>();
            for (int i = 0; i < liveList.size(); i++) {
                Object element = liveList.get(i);
                Optional<String> name = name(element);
                Object counterpart = name.isPresent() && !byName.isEmpty() ? byName.get(name.get())
                        : i < declaredList.size() ? declaredList.get(i) : null;
                kept.add(counterpart == null ? element : prune(element, counterpart));
            }
            return kept;
        }
        return live;
    }

    private static Optional<String> name(final @Nullable Object element) {
        return element instanceof Map<?, ?> m && m.get("name") instanceof String n ? Optional.of(n)
                : Optional.empty();
    }

    private static boolean isEmpty(final @Nullable Object value) {
        return value == null || (value instanceof Map<?, ?> m && m.isEmpty()) || (value instanceof List<?> l
                && l.isEmpty());
    }
}
