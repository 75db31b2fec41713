package io.k8sgate.core.input;

import java.util.Objects;

/**
 * A container of a pod specification, with its effective security settings.
 *
 * @param workload the workload it belongs to
 * @param node     the container's mapping
 * @param type     regular, init or ephemeral
 */
public record Container(Workload workload, YamlNode node, Type type) {
    /** The three lists of containers a pod may have. */
    public enum Type {
        CONTAINER("containers"), INIT("initContainers"), EPHEMERAL("ephemeralContainers");

        private final String field;

        Type(final String field) {
            this.field = field;
        }

        /** The field of the pod spec that holds this list. */
        public String field() {
            return field;
        }
    }

    public Container {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
    }

    /** The container's name. */
    public String name() {
        return node.get("name").text("");
    }

    /** The image reference as written, empty when missing. */
    public String image() {
        return node.get("image").text("");
    }

    /** The container's own {@code securityContext}. */
    public YamlNode securityContext() {
        return node.get("securityContext");
    }

    /**
     * A security setting as it takes effect: the container's own value when set, otherwise the pod-level value
     * (for the fields that exist at both levels: runAsNonRoot, runAsUser, runAsGroup, seccompProfile,
     * seLinuxOptions, appArmorProfile, windowsOptions). When neither is set, the container's missing node.
     */
    public YamlNode effective(final String... path) {
        YamlNode own = securityContext().path(path);
        if (own.isPresent()) {
            return own;
        }
        YamlNode pod = workload.podSecurityContext().path(path);
        if (pod.isUnset()) {
            pod = workload.inheritedSecurityContext().path(path);
        }
        return pod.isPresent() ? pod : own;
    }

    /** True for init containers, which run to completion before the others. */
    public boolean isInit() {
        return type == Type.INIT;
    }
}
