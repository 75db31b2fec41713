package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacBinding;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacPermissions;
import io.k8sgate.core.rbac.RbacRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ClusterRole labelled {@code rbac.authorization.k8s.io/aggregate-to-admin|edit|view} whose rules add a risky
 * permission that the default role does not already have: every holder of admin, edit or view silently gains it.
 */
public final class DefaultRoleAggregationCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-016",
                    "Sensitive rules aggregated into a default role", Severity.HIGH, Category.RBAC)
            .withText("The aggregation controller adds the rules of every ClusterRole labelled "
                            + "rbac.authorization.k8s.io/aggregate-to-admin, -edit or -view to the default role "
                            + "of that name, which many users hold; a sensitive rule there (secrets for view, "
                            + "nodes/proxy, escalate, ...) extends all of them.",
                    "Remove the label, or remove the sensitive rules from the labelled ClusterRole and bind them "
                            + "separately to the subjects that need them.")
            .withReferences("https://kubernetes.io/docs/reference/access-authn-authz/rbac/#aggregated-clusterroles",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings");
    private static final String PREFIX = "rbac.authorization.k8s.io/aggregate-to-";
    private static final List<String> TARGETS = List.of("view", "edit", "admin");
    /** The default roles as every cluster has them, without the inputs' additions. */
    private static final RbacGraph DEFAULTS = RbacGraph.of(List.of());

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (RbacRole role : graph.inputRoles()) {
            if (!role.isClusterRole() || role.isAggregated()) {
                continue;
            }
            for (String target : targets(role.labels())) {
                List<Permission> already = DEFAULTS.role("ClusterRole/" + target)
                        .map(r -> RbacPermissions.riskyIn(DEFAULTS.rulesOf(r), RbacBinding.CLUSTER_WIDE))
                        .orElse(List.of());
                for (PolicyRule rule : role.rules()) {
                    List<Permission> added = RbacPermissions.riskyIn(List.of(rule), RbacBinding.CLUSTER_WIDE)
                            .stream().filter(p -> !already.contains(p)).toList();
                    if (!added.isEmpty()) {
                        out.add(RbacFindings.onRole(this, graph, role, rule.node(), Severity.HIGH,
                                role.display() + " adds '" + RbacFindings.labels(added) + "' to the default role '"
                                        + target + "' through its " + PREFIX + target + " label: " + rule.describe(),
                                RbacFindings.labels(added)).withProperty("aggregatesInto", "ClusterRole/" + target));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> targets(final Map<String, String> labels) {
        return TARGETS.stream().filter(t -> "true".equals(labels.get(PREFIX + t))).toList();
    }
}
