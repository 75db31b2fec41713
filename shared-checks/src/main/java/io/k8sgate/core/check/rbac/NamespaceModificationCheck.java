package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Modification of namespaces: on the role rules that carry it and on every subject that holds it. */
public final class NamespaceModificationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-015", "Modification of namespaces", Severity.HIGH,
                    Category.RBAC)
            .withText("update or patch on a Namespace changes its labels: the Pod Security Admission level, and "
                    + "which network policies and admission rules select it. A RoleBinding grants it on its own "
                    + "namespace.",
                    "Manage namespace labels with the cluster administrators; grant get on namespaces only.")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#namespace-modification",
                    "https://kubernetes.io/docs/concepts/security/pod-security-admission/");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.NAMESPACE_MODIFY);

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Permission> permissions() {
        return PERMISSIONS;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        return RbacFindings.permissions(this, context, PERMISSIONS);
    }
}
