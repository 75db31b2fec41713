package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacRole;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule that can never take effect: cluster-scoped resources or non-resource URLs in a Role, or in a ClusterRole
 * that only RoleBindings refer to. The author probably expects a permission that the subjects do not get.
 */
public final class IneffectiveRuleCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-023", "Rule without effect in its scope",
                    Severity.INFO, Category.RBAC)
            .withText("A Role, and a ClusterRole referred to only by RoleBindings, grant inside one namespace: "
                            + "cluster-scoped resources (nodes, persistentvolumes, clusterroles, webhook "
                            + "configurations, ...) and non-resource URLs in their rules grant nothing.",
                    "Move the rule to a ClusterRole bound by a ClusterRoleBinding if the subject really needs it, "
                            + "otherwise remove it.")
            .withReferences("https://kubernetes.io/docs/reference/access-authn-authz/rbac/"
                    + "#rolebinding-and-clusterrolebinding");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (RbacRole role : graph.inputRoles()) {
            if (graph.reachesClusterScope(role) || role.isAggregated()) {
                continue;
            }
            for (PolicyRule rule : role.rules()) {
                List<String> dead = rule.resources().stream().filter(RbacGraph::isClusterScoped)
                        .filter(r -> !r.equals("namespaces") && !r.startsWith("namespaces/")).toList();
                if (!rule.nonResourceUrls().isEmpty() || !dead.isEmpty()) {
                    String what = rule.nonResourceUrls().isEmpty() ? "cluster-scoped " + dead
                            : "non-resource URLs " + rule.nonResourceUrls();
                    out.add(RbacFindings.onRole(this, graph, role, rule.node(), Severity.INFO,
                            role.display() + " grants " + what + " only inside a namespace, where they have "
                                    + "no effect", "none (" + what + ")"));
                }
            }
        }
        return out;
    }
}
