package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/**
 * Impersonation of users, groups or service accounts: on the role rules that carry it and on every subject that holds
 * it.
 */
public final class ImpersonationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-006",
                    "Impersonation of users, groups or service accounts",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("impersonate lets a subject act as another user, group (system:masters included) or service "
                    + "account, and so hold all of their permissions.",
                    "Remove the impersonate verb, or limit it with resourceNames to identities that hold no more "
                            + "than the subject itself.")
            .withCis("5.1.8")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#impersonate-verb",
                    "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation")
            .withEquivalent("trivy", "KSV043")
            .withEquivalent("checkov", "CKV2_K8S_3")
            .withEquivalent("kubescape", "C-0065", "C-0191");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.IMPERSONATE,
            RbacPermissions.IMPERSONATE_SA);

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
