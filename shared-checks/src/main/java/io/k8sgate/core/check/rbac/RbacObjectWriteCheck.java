package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Creation or change of roles and bindings: on the role rules that carry it and on the subjects that hold it. */
public final class RbacObjectWriteCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-021",
                    "Creation or change of roles and bindings", Severity.HIGH, Category.RBAC)
            .withText("Without bind or escalate the API server only lets a subject grant what it holds itself, "
                            + "but it can still hand its own rights to other identities, and patch the subjects of an "
                            + "existing powerful binding (the roleRef is immutable, the subjects are not).",
                    "Leave RBAC objects to the deployment pipeline or the cluster administrators; grant get and "
                            + "list only.")
            .withReferences("https://kubernetes.io/docs/reference/access-authn-authz/rbac/"
                            + "#restrictions-on-role-creation-or-update",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"
                            + "#restrictions-on-role-binding-creation-or-update")
            .withEquivalent("trivy", "KSV055");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.ROLE_WRITE,
            RbacPermissions.BINDING_CREATE);

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
