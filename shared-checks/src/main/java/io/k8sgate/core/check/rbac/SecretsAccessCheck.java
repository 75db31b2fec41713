package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Access to secrets: on the role rules that carry it and on every subject that holds it. */
public final class SecretsAccessCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-007", "Access to secrets", Severity.CRITICAL,
                    Category.RBAC)
            .withText("get, list and watch on secrets return their contents (service account tokens, credentials, "
                    + "TLS keys); update and patch return the whole object too, and deletecollection answers with "
                    + "every secret it deleted. Cluster-wide access exposes the "
                    + "secrets of every namespace, kube-system included.",
                    "Grant get on the few named secrets the workload needs (resourceNames), or mount them into its "
                            + "pods instead of reading them through the API.")
            .withCis("5.1.2")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets")
            .withEquivalent("trivy", "KSV041", "KSV111", "KSV113")
            .withEquivalent("checkov", "CKV2_K8S_5")
            .withEquivalent("kube-linter", "access-to-secrets")
            .withEquivalent("kubescape", "C-0015", "C-0186");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.SECRETS_READ,
            RbacPermissions.SECRETS_WRITE);

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
