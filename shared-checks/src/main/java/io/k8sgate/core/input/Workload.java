package io.k8sgate.core.input;

import io.k8sgate.core.model.ResourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An object that runs pods: a Pod itself, or any object with a pod template (the built-in controllers and custom
 * resources such as Argo Rollouts alike).
 *
 * @param object      the object
 * @param podSpec     the pod specification ({@code spec} of a Pod, {@code spec.template.spec} of a controller,
 *                    {@code spec.jobTemplate.spec.template.spec} of a CronJob)
 * @param podMetadata the pod's metadata (the object's own for a Pod, the template's otherwise)
 */
public record Workload(K8sObject object, YamlNode podSpec, YamlNode podMetadata) {
    /** Kinds whose {@code spec.template} is a pod template by definition, even in a manifest without containers. */
    private static final Set<String> POD_TEMPLATE_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet",
            "ReplicaSet", "ReplicationController", "Job", "DeploymentConfig");

    public Workload {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(podSpec, "podSpec");
        Objects.requireNonNull(podMetadata, "podMetadata");
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
        List<Container> all = new ArrayList<>();
        for (Container.Type type : new Container.Type[] {Container.Type.INIT, Container.Type.CONTAINER,
            Container.Type.EPHEMERAL}) {
            for (YamlNode node : podSpec.get(type.field()).elements()) {
                if (node.isMap()) {
                    all.add(new Container(this, node, type));
                }
            }
        }
        return all;
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
}
