package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Creation of service account tokens: on the role rules that carry it and on every subject that holds it. */
public final class TokenCreationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-011", "Creation of service account tokens",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("create on serviceaccounts/token issues a token for any service account of the scope "
                    + "(TokenRequest), so the subject can act as each of them.",
                    "Remove serviceaccounts/token from the role, or limit it with resourceNames to the service "
                            + "accounts the subject owns.")
            .withCis("5.1.13")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#token-request")
            .withEquivalent("kubescape", "C-0282");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.SA_TOKEN);

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
