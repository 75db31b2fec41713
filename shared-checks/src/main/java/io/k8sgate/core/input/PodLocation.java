package io.k8sgate.core.input;

import java.util.List;
import java.util.Objects;

/**
 * Where one kind of pod is inside an object, and where its containers are inside that pod. Paths are written as
 * {@code spec.template.spec}: a name reads a mapping's key, {@code name[]} every element of a list, {@code *} every
 * value of a mapping, {@code ..} the enclosing mapping (lists are stepped over) and {@code .} the node itself.
 *
 * @param path            from the object to the node that holds the pod's own fields (securityContext, hostNetwork,
 *                        volumes, ...) and its containers
 * @param metadata        from the pod node to the pod's metadata (labels, annotations)
 * @param defaults        from the pod node to a node whose pod fields apply where the pod sets none (Argo's
 *                        workflow-level securityContext for its templates); empty for none
 * @param securityContext the field of the pod node that holds the pod-level security context
 * @param containers      where the containers are, from the pod node
 * @param patch           the field of the pod node (and of its defaults) that holds a strategic merge patch of the
 *                        pod spec as text, which the controller applies to the pod it creates (Argo's
 *                        {@code podSpecPatch}); empty for none
 */
public record PodLocation(String path, String metadata, String defaults, String securityContext,
        List<ContainerLocation> containers, String patch) {
    /** The containers of a Kubernetes pod spec. */
    public static final List<ContainerLocation> POD_SPEC_CONTAINERS = List.of(
            new ContainerLocation("initContainers[]", Container.Type.INIT),
            new ContainerLocation("containers[]", Container.Type.CONTAINER),
            new ContainerLocation("ephemeralContainers[]", Container.Type.EPHEMERAL));

    public PodLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(securityContext, "securityContext");
        containers = List.copyOf(containers);
        Objects.requireNonNull(patch, "patch");
    }

    /** A Kubernetes pod spec at {@code path}, with its metadata beside it. */
    public static PodLocation podSpec(final String path) {
        return new PodLocation(path, "../metadata", "", "securityContext", POD_SPEC_CONTAINERS, "");
    }

    /**
     * One place containers are.
     *
     * @param path from the pod node: {@code containers[]} for a list, {@code container} for a single one, {@code .}
     *             when the pod node is itself the container
     * @param type     regular, init or ephemeral
     * @param template from the pod node, a container whose fields these inherit where they set none (Tekton's
     *                 {@code stepTemplate} for its steps); empty for none
     */
    public record ContainerLocation(String path, Container.Type type, String template) {
        public ContainerLocation {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(template, "template");
        }

        /** Containers at {@code path} with no template. */
        public ContainerLocation(final String path, final Container.Type type) {
            this(path, type, "");
        }
    }
}
