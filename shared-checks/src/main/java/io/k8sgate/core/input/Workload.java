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
    /** The pod's own patch and its defaults' patch, parsed once; a missing node for a patch that is not there. */
    private volatile @Nullable List<YamlNode> patches;

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
     * A pod-level field as it takes effect: the value of the pod's patch (Argo's podSpecPatch), else the pod's own,
     * else the value its kind's defaults give (Argo templates inherit the workflow's, and its patch); the pod's
     * missing node when none sets it.
     */
    public YamlNode podField(final String name) {
        return layered(name);
    }

    /**
     * A value below the pod node as it takes effect, first set in: the pod's own patch, the pod, its defaults'
     * patch, its defaults (the pod's missing node when none sets it).
     */
    private YamlNode layered(final String... path) {
        List<YamlNode> parsed = patches();
        YamlNode own = podSpec.path(path);
        YamlNode[] layers = {parsed.get(0), podSpec, parsed.get(1), defaults};
        for (YamlNode layer : layers) {
            YamlNode value = layer == podSpec ? own : layer.isMissing() ? layer : layer.path(path);
            if (value.isPresent()) {
                return value;
            }
        }
        return own;
    }

    /**
     * A field of the pod-level security context as it takes effect: patched, the pod's own, inherited from the
     * kind's defaults (see {@link #podField}).
     */
    public YamlNode inheritedSetting(final String... path) {
        String[] full = new String[path.length + 1];
        full[0] = location.securityContext();
        System.arraycopy(path, 0, full, 1, path.length);
        return layered(full);
    }

    /**
     * A field of the pod-level security context as this pod sets it: its patch's value, else its own (what the kind's
     * defaults set is reported where they are written).
     */
    public YamlNode podSetting(final String... path) {
        YamlNode own = podSecurityContext().path(path);
        YamlNode patch = patches().get(0);
        if (patch.isMissing()) {
            return own;
        }
        YamlNode patched = patch.get(location.securityContext()).path(path);
        return patched.isPresent() ? patched : own;
    }

    /** The pod's patch and its defaults' patch (missing nodes where there is none). */
    private List<YamlNode> patches() {
        List<YamlNode> parsed = patches;
        if (parsed == null) {
            parsed = List.of(parsePatch(podSpec), defaults.isMissing() ? defaults : parsePatch(defaults));
            patches = parsed;
        }
        return parsed;
    }

    /**
     * The patch written in the kind's patch field of {@code at}, parsed as YAML (JSON is YAML) and placed at the
     * line where it is written, so findings on what it sets point there. A missing node when there is none; a patch
     * that does not parse as a mapping is left out here and reported by the loader's checks of the field's type.
     */
    private YamlNode parsePatch(final YamlNode at) {
        YamlNode field = location.patch().isEmpty() ? at.missing("patch") : at.get(location.patch());
        String text = field.isString() ? field.text("") : "";
        if (text.isBlank()) {
            return at.missing("patch");
        }
        // a block scalar starts on the line after its key, a flow scalar on the key's own line
        int before = field.location().line() - (text.contains("\n") ? 0 : 1);
        List<YamlDocument> docs = new YamlParser(LoaderLimits.DEFAULT).parse(field.location().file(),
                "\n".repeat(Math.max(0, before)) + text, d -> { });
        return docs.isEmpty() ? at.missing("patch") : docs.get(0).root().filter(YamlNode::isMap)
                .orElse(at.missing("patch"));
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
                YamlNode template = at.template().isEmpty() ? podSpec.missing("template")
                        : YamlPath.first(podSpec, at.template());
                for (YamlNode node : YamlPath.select(podSpec, at.path())) {
                    if (node.isMap()) {
                        all.add(new Container(this, node, type, patchedContainers(node, type), template));
                    }
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * The containers of the patches that a container's patch entries apply to: same list, same name (a container
     * without a name, such as an Argo template's, is {@code main}); the pod's own patch first.
     */
    private List<YamlNode> patchedContainers(final YamlNode container, final Container.Type type) {
        List<YamlNode> parsed = patches();
        if (parsed.stream().allMatch(YamlNode::isMissing)) {
            return List.of();
        }
        String name = container.get("name").text("main");
        List<YamlNode> out = new ArrayList<>();
        for (YamlNode patch : parsed) {
            for (YamlNode c : patch.get(type.field()).elements()) {
                if (name.equals(c.get("name").text(""))) {
                    out.add(c);
                }
            }
        }
        return out;
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
