package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Escalate or bind on roles: on the role rules that carry it and on every subject that holds it. */
public final class RoleEscalationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-005", "Escalate or bind on roles",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("The escalate verb lets a subject edit a role to hold permissions it does not have; bind lets "
                    + "it bind any role, cluster-admin included, without holding its permissions. Kubernetes "
                    + "checks both on roles and clusterroles, the objects a binding refers to.",
                    "Remove escalate and bind from the role, or limit bind with resourceNames to the few roles the "
                            + "subject may hand out.")
            .withCis("5.1.8")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb",
                    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#bind-verb",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/"
                            + "#privilege-escalation-prevention-and-bootstrapping")
            .withEquivalent("trivy", "KSV050", "KSV051", "KSV052")
            .withEquivalent("checkov", "CKV_K8S_157", "CKV_K8S_158", "CKV2_K8S_1")
            .withEquivalent("kubescape", "C-0191");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.ESCALATE, RbacPermissions.BIND);

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
