package io.k8sgate.core.input;

import java.util.List;
import java.util.Objects;

/**
 * A container of a pod specification, with its fields as the controller that runs it merges them: a patch of the
 * pod's kind (Argo's {@code podSpecPatch}, by container name) over the container's own fields over a template of its
 * kind (Tekton's {@code stepTemplate}).
 *
 * @param workload the workload it belongs to
 * @param node     the container's mapping
 * @param type     regular, init or ephemeral
 * @param patches  the containers of the pod's patches that have this container's name, the one that wins first
 * @param template the container whose fields this one inherits where it sets none; a missing node for none
 */
public record Container(Workload workload, YamlNode node, Type type, List<YamlNode> patches, YamlNode template) {
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
        patches = List.copyOf(patches);
        Objects.requireNonNull(template, "template");
    }

    /** A container with no patch and no template: its own fields are all there is. */
    public Container(final Workload workload, final YamlNode node, final Type type) {
        this(workload, node, type, List.of(), node.missing("template"));
    }

    /**
     * A field as it takes effect: a patch's value, else the container's own, else its template's; the container's
     * missing node when none sets it.
     */
    public YamlNode field(final String... path) {
        for (YamlNode patch : patches) {
            YamlNode patched = patch.path(path);
            if (patched.isPresent()) {
                return patched;
            }
        }
        YamlNode own = node.path(path);
        if (own.isPresent() || template.isMissing()) {
            return own;
        }
        YamlNode inherited = template.path(path);
        return inherited.isPresent() ? inherited : own;
    }

    /**
     * A field of the container-level security context as it takes effect (patch, own, template; see
     * {@link #field}). Where none sets it, the missing node of the container's own {@code securityContext}.
     */
    public YamlNode setting(final String... path) {
        String[] full = new String[path.length + 1];
        full[0] = "securityContext";
        System.arraycopy(path, 0, full, 1, path.length);
        return field(full);
    }

    /** The container's name. */
    public String name() {
        return field("name").text("");
    }

    /** The image reference as written, empty when missing. */
    public String image() {
        return field("image").text("");
    }

    /** The container's own {@code securityContext}, as written (see {@link #setting} for the merged values). */
    public YamlNode securityContext() {
        return node.get("securityContext");
    }

    /**
     * A security setting as it takes effect: the container's value when set ({@link #setting}), otherwise the
     * pod-level value (for the fields that exist at both levels: runAsNonRoot, runAsUser, runAsGroup,
     * seccompProfile, seLinuxOptions, appArmorProfile, windowsOptions). When neither is set, the container's missing
     * node.
     */
    public YamlNode effective(final String... path) {
        YamlNode own = setting(path);
        if (own.isPresent()) {
            return own;
        }
        YamlNode pod = workload.inheritedSetting(path);
        return pod.isPresent() ? pod : own;
    }

    /** True for init containers, which run to completion before the others. */
    public boolean isInit() {
        return type == Type.INIT;
    }
}
