package io.k8sgate.core.rbac;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A RoleBinding or ClusterRoleBinding.
 *
 * @param object   the manifest object
 * @param subjects its subjects, normalised, with where each is written
 */
public record RbacBinding(K8sObject object, List<BoundSubject> subjects) {
    /** Kind of a namespaced binding. */
    public static final String ROLE_BINDING = "RoleBinding";
    /** Kind of a cluster-wide binding. */
    public static final String CLUSTER_ROLE_BINDING = "ClusterRoleBinding";
    /** The scope of a cluster-wide grant. */
    public static final String CLUSTER_WIDE = "*";

    /**
     * One subject of a binding.
     *
     * @param subject the identity
     * @param node    where it is written
     */
    public record BoundSubject(RbacSubject subject, YamlNode node) {
        public BoundSubject {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(node, "node");
        }
    }

    public RbacBinding {
        Objects.requireNonNull(object, "object");
        subjects = List.copyOf(subjects);
    }

    /**
     * Reads a binding. A service account without a namespace takes the namespace of a RoleBinding (the API server
     * rejects it in a ClusterRoleBinding; it is kept with an empty namespace); a user named
     * {@code system:serviceaccount:<ns>:<name>} is that service account.
     */
    static RbacBinding read(final K8sObject object) {
        boolean namespaced = ROLE_BINDING.equals(object.kind());
        String bindingNs = namespaced ? RbacGraph.namespaceOf(object) : "";
        List<BoundSubject> subjects = new ArrayList<>();
        for (YamlNode node : object.root().get("subjects").elements()) {
            String kind = node.get("kind").text("");
            String name = node.get("name").text("");
            if (name.isEmpty()) {
                continue;
            }
            switch (kind) {
                case RbacSubject.SERVICE_ACCOUNT -> subjects.add(new BoundSubject(RbacSubject.serviceAccount(
                        node.get("namespace").text().filter(s -> !s.isEmpty()).orElse(bindingNs), name), node));
                case RbacSubject.USER -> subjects.add(new BoundSubject(RbacSubject.user(name), node));
                case RbacSubject.GROUP -> subjects.add(new BoundSubject(RbacSubject.group(name), node));
                default -> {
                    // an unknown subject kind grants nothing: the API server rejects the binding
                }
            }
        }
        return new RbacBinding(object, subjects);
    }

    /** {@code RoleBinding} or {@code ClusterRoleBinding}. */
    public String kind() {
        return object.kind();
    }

    /** The name. */
    public String name() {
        return object.name();
    }

    /** True for a ClusterRoleBinding. */
    public boolean isClusterWide() {
        return CLUSTER_ROLE_BINDING.equals(kind());
    }

    /** Where the grant applies: {@link #CLUSTER_WIDE} or the RoleBinding's namespace. */
    public String scope() {
        return isClusterWide() ? CLUSTER_WIDE : RbacGraph.namespaceOf(object);
    }

    /** {@code roleRef.kind}. */
    public String roleKind() {
        return object.root().path("roleRef", "kind").text("");
    }

    /** {@code roleRef.name}. */
    public String roleName() {
        return object.root().path("roleRef", "name").text("");
    }

    /**
     * The key of the referenced role. A ClusterRoleBinding may reference only a ClusterRole and a RoleBinding a Role
     * of its own namespace or a ClusterRole, and {@code roleRef.apiGroup} must be the RBAC group; anything else
     * resolves to nothing.
     */
    public String roleKey() {
        String group = object.root().path("roleRef", "apiGroup").text("rbac.authorization.k8s.io");
        if (!"rbac.authorization.k8s.io".equals(group)) {
            return "";
        }
        String kind = roleKind();
        if (RbacRole.CLUSTER_ROLE.equals(kind)) {
            return RbacGraph.roleKey(kind, "", roleName());
        }
        if (RbacRole.ROLE.equals(kind) && !isClusterWide()) {
            return RbacGraph.roleKey(kind, scope(), roleName());
        }
        return "";
    }

    /** {@code RoleBinding/ns/name} or {@code ClusterRoleBinding/name}. */
    public String display() {
        return isClusterWide() ? kind() + "/" + name() : kind() + "/" + scope() + "/" + name();
    }
}
