package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.PlatformObjects;
import io.k8sgate.core.rbac.RbacBinding;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacRole;
import java.util.List;

/**
 * A binding whose role is neither among the inputs nor one the cluster provides (built in, or a platform role by
 * name): it grants nothing now, and whatever a role of that name grants once someone creates it. Bindings of the
 * platform itself are left out.
 */
public final class UndefinedRoleBindingCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-025", "Binding to a role that is not defined",
                    Severity.LOW, Category.RBAC)
            .withText("The binding refers to a role that the inputs do not define and the cluster does not "
                            + "provide. It grants nothing now, and whatever a role of that name grants once someone "
                            + "who can create roles creates it: the review of this binding cannot say what it gives.",
                    "Deploy the role with the binding (or fix the roleRef's kind and name); remove a binding whose "
                            + "role is gone.")
            .withReferences("https://kubernetes.io/docs/reference/access-authn-authz/rbac/#rolebinding-and-"
                    + "clusterrolebinding");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        return graph.unresolvedBindings().stream()
                .filter(b -> !graph.isPlatform(b) && !PlatformObjects.isPlatformRoleName(b.roleKind(), b.roleName()))
                // a roleRef the API server refuses is an input error (ApiServerValidation), not a binding
                .filter(b -> !b.roleName().isEmpty() && !b.roleKey().isEmpty())
                .map(b -> finding(b.object(), b.object().root().path("roleRef", "name"), b.display()
                        + " refers to " + b.roleKind() + " '" + b.roleName() + "'"
                        + (b.isClusterWide() || "ClusterRole".equals(b.roleKind()) ? "" : " in namespace "
                                + b.scope()) + ", which the inputs do not define: it grants nothing now and "
                        + "whatever a role of that name grants later" + builtInNameHint(b))
                        .withProperty(RbacFindings.BINDING, b.display())
                        .withProperty(RbacFindings.ROLE, b.roleKind() + "/" + b.roleName()))
                .toList();
    }

    /** For a Role named like a default ClusterRole: what the binding most likely meant. */
    private static String builtInNameHint(final RbacBinding binding) {
        return RbacRole.ROLE.equals(binding.roleKind()) && PlatformObjects.DEFAULT_ROLES.contains(binding.roleName())
                ? " ('" + binding.roleName() + "' is a ClusterRole of every cluster: roleRef.kind Role names a Role "
                        + "of the namespace instead; write kind: ClusterRole to grant the default role)"
                : "";
    }
}
