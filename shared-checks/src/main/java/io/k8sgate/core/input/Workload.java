package io.k8sgate.core.input;

import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One pod an object runs: a Pod itself, the pod template of a controller, or any of the pods the kinds of
 * {@link WorkloadKinds} describe (an Argo workflow has one per template, a Kubeflow job one per replica type). Equal
 * when object, pod node and pod metadata are.
 */
public final class Workload {
    private final K8sObject object;
    private final YamlNode podSpec;
    private final YamlNode podMetadata;
    private final YamlNode defaults;
    private final PodLocation location;
    private final boolean runsToCompletion;
    /** Every check asks for the containers: they are listed once (an immutable list, safe to share among threads). */
    private volatile @Nullable List<Container> containers;

    /**
     * A workload whose pod is a Kubernetes pod spec.
     *
     * @param object      the object
     * @param podSpec     the pod specification ({@code spec} of a Pod, {@code spec.template.spec} of a controller,
     *                    {@code spec.jobTemplate.spec.template.spec} of a CronJob)
     * @param podMetadata the pod's metadata (the object's own for a Pod, the template's otherwise)
     */
    public Workload(final K8sObject object, final YamlNode podSpec, final YamlNode podMetadata) {
        this(object, podSpec, podMetadata, PodLocation.podSpec(podSpec.fieldPath()), false);
    }

    /**
     * The workload of the pod at {@code podSpec}, laid out as {@code location} says.
     *
     * @param object           the object
     * @param podSpec          the node holding the pod's fields
     * @param location         where its metadata, defaults and containers are
     * @param runsToCompletion whether the kind's pods run to completion
     */
    Workload(final K8sObject object, final YamlNode podSpec, final PodLocation location,
            final boolean runsToCompletion) {
        this(object, podSpec, first(podSpec, location.metadata()), location, runsToCompletion);
    }

    private Workload(final K8sObject object, final YamlNode podSpec, final YamlNode podMetadata,
            final PodLocation location, final boolean runsToCompletion) {
        this.object = Objects.requireNonNull(object, "object");
        this.podSpec = Objects.requireNonNull(podSpec, "podSpec");
        this.podMetadata = Objects.requireNonNull(podMetadata, "podMetadata");
        this.location = location;
        this.runsToCompletion = runsToCompletion;
        this.defaults = location.defaults().isEmpty() ? podSpec.missing("defaults")
                : first(podSpec, location.defaults());
    }

    private static YamlNode first(final YamlNode from, final String path) {
        return YamlPath.first(from, path);
    }

    /** The object. */
    public K8sObject object() {
        return object;
    }

    /** The node that holds the pod's own fields (for most kinds a Kubernetes pod spec). */
    public YamlNode podSpec() {
        return podSpec;
    }

    /**
     * A pod-level field as it takes effect: the pod's own, else the value its kind's defaults give (Argo templates
     * inherit the workflow's); the pod's missing node when neither sets it.
     */
    public YamlNode podField(final String name) {
        YamlNode own = podSpec.get(name);
        if (own.isPresent() || defaults.isMissing()) {
            return own;
        }
        YamlNode inherited = defaults.get(name);
        return inherited.isPresent() ? inherited : own;
    }

    /** The pod's metadata. */
    public YamlNode podMetadata() {
        return podMetadata;
    }

    /** The workload of {@code object}, if it runs a pod (the first, for kinds that run several). */
    public static Optional<Workload> of(final K8sObject object) {
        return WorkloadKinds.BUILT_IN.workloadsOf(object).stream().findFirst();
    }

    /** The object's kind. */
    public String kind() {
        return object.kind();
    }

    /** The identity used in findings. */
    public ResourceRef ref() {
        return object.ref();
    }

    /** True for kinds whose pods run to completion (Job, CronJob, pipelines), where probes make no sense. */
    public boolean runsToCompletion() {
        String kind = object.kind();
        return runsToCompletion || "Job".equals(kind) || "CronJob".equals(kind)
                || ("Pod".equals(kind) && isRestartNever());
    }

    private boolean isRestartNever() {
        String policy = podSpec.get("restartPolicy").text("Always");
        return "Never".equals(policy) || "OnFailure".equals(policy);
    }

    /**
     * The pod's own pod-level {@code securityContext} (for most kinds; the field the kind's table names otherwise).
     * Settings written there are reported there, once.
     */
    public YamlNode podSecurityContext() {
        return podSpec.get(location.securityContext());
    }

    /**
     * The pod-level security context whose settings the containers inherit: the pod's own, else its kind's defaults'
     * (an Argo template inherits the workflow's).
     */
    public YamlNode inheritedSecurityContext() {
        return podField(location.securityContext());
    }

    /** Annotations of the pod template (or of the Pod). */
    public Map<String, String> podAnnotations() {
        return K8sObject.strings(podMetadata.get("annotations"));
    }

    /** Labels of the pod template (or of the Pod). */
    public Map<String, String> podLabels() {
        return K8sObject.strings(podMetadata.get("labels"));
    }

    /** Every container: init containers first, then regular ones, then ephemeral ones. */
    public List<Container> containers() {
        List<Container> listed = containers;
        if (listed == null) {
            listed = listContainers();
            containers = listed;
        }
        return listed;
    }

    private List<Container> listContainers() {
        List<Container> all = new ArrayList<>();
        for (Container.Type type : new Container.Type[] {Container.Type.INIT, Container.Type.CONTAINER,
            Container.Type.EPHEMERAL}) {
            for (PodLocation.ContainerLocation at : location.containers()) {
                if (at.type() != type) {
                    continue;
                }
                for (YamlNode node : YamlPath.select(podSpec, at.path())) {
                    if (node.isMap()) {
                        all.add(new Container(this, node, type));
                    }
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * True when this pod has containers by its kind's layout: false only for the pod-level-only nodes some kinds
     * have (an Argo workflow's own spec, a Tekton pod template), whose settings their pods inherit.
     */
    public boolean runsContainers() {
        return !location.containers().isEmpty();
    }

    /** The field of the pod node that holds the pod-level security context. */
    String podSecurityField() {
        return location.securityContext();
    }

    /** Where the containers of this pod are, from the pod node. */
    public List<PodLocation.ContainerLocation> containerLocations() {
        return location.containers();
    }

    /** True when the pod runs Windows containers, which some Restricted controls exempt. */
    public boolean isWindows() {
        return "windows".equals(podField("os").get("name").text(""));
    }

    /** The service account the pods run as. */
    public String serviceAccountName() {
        return podField("serviceAccountName").text().filter(s -> !s.isEmpty())
                .or(() -> podField("serviceAccount").text().filter(s -> !s.isEmpty())).orElse("default");
    }

    /** The effective namespace: the object's, or {@code default} when not set. */
    public String namespace() {
        String ns = object.namespace();
        return ns.isEmpty() ? "default" : ns;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof Workload w && object.equals(w.object) && podSpec.equals(w.podSpec)
                && podMetadata.equals(w.podMetadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(object, podSpec, podMetadata);
    }

    @Override
    public String toString() {
        return "Workload[" + object.ref() + "]";
    }
}
