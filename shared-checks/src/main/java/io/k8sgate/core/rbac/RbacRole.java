package io.k8sgate.core.rbac;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Role or ClusterRole as written (before aggregation).
 *
 * @param object  the manifest object
 * @param rules   its own rules, in order
 * @param builtIn true for a default role of every cluster that the inputs do not define
 */
public record RbacRole(K8sObject object, List<PolicyRule> rules, boolean builtIn) {
    /** Kind of a namespaced role. */
    public static final String ROLE = "Role";
    /** Kind of a cluster-wide role. */
    public static final String CLUSTER_ROLE = "ClusterRole";

    public RbacRole {
        Objects.requireNonNull(object, "object");
        rules = List.copyOf(rules);
    }

    /** Reads a Role or ClusterRole. */
    static RbacRole read(final K8sObject object, final boolean builtIn) {
        List<PolicyRule> rules = new ArrayList<>();
        for (YamlNode node : object.root().get("rules").elements()) {
            if (node.isMap()) {
                rules.add(PolicyRule.read(node));
            }
        }
        return new RbacRole(object, rules, builtIn);
    }

    /** {@code Role} or {@code ClusterRole}. */
    public String kind() {
        return object.kind();
    }

    /** The name. */
    public String name() {
        return object.name();
    }

    /** The namespace of a Role ({@code default} when not written), empty for a ClusterRole. */
    public String namespace() {
        return isClusterRole() ? "" : RbacGraph.namespaceOf(object);
    }

    /** True for a ClusterRole. */
    public boolean isClusterRole() {
        return CLUSTER_ROLE.equals(kind());
    }

    /** Labels. */
    public Map<String, String> labels() {
        return object.labels();
    }

    /** The {@code aggregationRule} node (missing when the role is not aggregated). */
    public YamlNode aggregationRule() {
        return object.root().get("aggregationRule");
    }

    /** True for a ClusterRole whose rules the aggregation controller computes. */
    public boolean isAggregated() {
        return isClusterRole() && aggregationRule().isMap();
    }

    /** The lookup key: {@code ClusterRole/name} or {@code Role/ns/name}. */
    public String key() {
        return RbacGraph.roleKey(kind(), namespace(), name());
    }

    /** {@code ClusterRole/name} or {@code Role/ns/name}, with a note for built-in roles. */
    public String display() {
        return key() + (builtIn ? " (built-in)" : "");
    }
}
