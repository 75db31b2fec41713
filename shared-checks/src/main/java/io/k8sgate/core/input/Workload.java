package io.k8sgate.core.input;

import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An object that runs pods: a Pod itself, or any object with a pod template (the built-in controllers and custom
 * resources such as Argo Rollouts alike). Equal when object, pod specification and pod metadata are.
 */
public final class Workload {
    /** Kinds whose {@code spec.template} is a pod template by definition, even in a manifest without containers. */
    private static final Set<String> POD_TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "ReplicationController", "Job", "DeploymentConfig");

    private final K8sObject object;
    private final YamlNode podSpec;
    private final YamlNode podMetadata;
    /** Every check asks for the containers: they are listed once (an immutable list, safe to share among threads). */
    private volatile @Nullable List<Container> containers;

    /**
     * A workload.
     *
     * @param object      the object
     * @param podSpec     the pod specification ({@code spec} of a Pod, {@code spec.template.spec} of a controller,
     *                    {@code spec.jobTemplate.spec.template.spec} of a CronJob)
     * @param podMetadata the pod's metadata (the object's own for a Pod, the template's otherwise)
     */
    public Workload(final K8sObject object, final YamlNode podSpec, final YamlNode podMetadata) {
        this.object = Objects.requireNonNull(object, "object");
        this.podSpec = Objects.requireNonNull(podSpec, "podSpec");
        this.podMetadata = Objects.requireNonNull(podMetadata, "podMetadata");
    }

    /** The object. */
    public K8sObject object() {
        return object;
    }

    /** The pod specification. */
    public YamlNode podSpec() {
        return podSpec;
    }

    /** The pod's metadata. */
    public YamlNode podMetadata() {
        return podMetadata;
    }

    /** The workload of {@code object}, if it has a pod specification. */
    public static Optional<Workload> of(final K8sObject object) {
        YamlNode root = object.root();
        if ("Pod".equals(object.kind()) && object.apiGroup().isEmpty() && root.get("spec").isMap()) {
            return Optional.of(new Workload(object, root.get("spec"), root.get("metadata")));
        }
        YamlNode template = root.path("spec", "template");
        if (template.get("spec").isMap()
                && (POD_TEMPLATE_KINDS.contains(object.kind()) || isPodSpec(template.get("spec")))) {
            return Optional.of(new Workload(object, template.get("spec"), template.get("metadata")));
        }
        YamlNode jobTemplate = root.path("spec", "jobTemplate", "spec", "template");
        if (jobTemplate.get("spec").isMap()) {
            return Optional.of(new Workload(object, jobTemplate.get("spec"), jobTemplate.get("metadata")));
        }
        return Optional.empty();
    }

    /** A template that holds containers (so that a template of something other than a pod is not taken). */
    private static boolean isPodSpec(final YamlNode spec) {
        return spec.get("containers").isPresent() || spec.get("initContainers").isPresent();
    }

    /** The object's kind. */
    public String kind() {
        return object.kind();
    }

    /** The identity used in findings. */
    public ResourceRef ref() {
        return object.ref();
    }

    /** True for kinds whose pods run to completion (Job, CronJob), where probes make no sense. */
    public boolean runsToCompletion() {
        String kind = object.kind();
        return "Job".equals(kind) || "CronJob".equals(kind)
                || "Pod".equals(kind) && isRestartNever();
    }

    private boolean isRestartNever() {
        String policy = podSpec.get("restartPolicy").text("Always");
        return "Never".equals(policy) || "OnFailure".equals(policy);
    }

    /** The pod-level {@code securityContext}. */
    public YamlNode podSecurityContext() {
        return podSpec.get("securityContext");
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
            for (YamlNode node : podSpec.get(type.field()).elements()) {
                if (node.isMap()) {
                    all.add(new Container(this, node, type));
                }
            }
        }
        return List.copyOf(all);
    }

    /** True when the pod runs Windows containers, which some Restricted controls exempt. */
    public boolean isWindows() {
        return "windows".equals(podSpec.path("os", "name").text(""));
    }

    /** The service account the pods run as. */
    public String serviceAccountName() {
        return podSpec.get("serviceAccountName").text().filter(s -> !s.isEmpty())
                .or(() -> podSpec.get("serviceAccount").text().filter(s -> !s.isEmpty())).orElse("default");
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
