package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Every verb on every resource: on the role rules that carry it and on every subject that holds it. */
public final class ClusterAdminGrantCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-001", "Every verb on every resource",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("A rule with apiGroups, resources and verbs all '*' (the built-in cluster-admin role) gives "
                    + "full control of the cluster when bound cluster-wide and of the whole namespace, including "
                    + "its RBAC, when bound by a RoleBinding.",
                    "Bind a role that lists the resources and verbs the subject needs; keep cluster-admin for "
                            + "break-glass accounts.")
            .withCis("5.1.1")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles")
            .withEquivalent("trivy", "KSV044", "KSV045", "KSV046", "KSV111", "KSV112")
            .withEquivalent("checkov", "CKV_K8S_49")
            .withEquivalent("kube-linter", "cluster-admin-role-binding")
            .withEquivalent("kubescape", "C-0035", "C-0185");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.FULL_ADMIN);

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return RbacFindings.permissions(this, context, PERMISSIONS);
    }
}
