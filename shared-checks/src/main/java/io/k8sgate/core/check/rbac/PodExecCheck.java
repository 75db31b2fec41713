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
 * Exec, attach, port-forward or ephemeral containers in pods: on the role rules that carry it and on every subject that
 * holds it.
 */
public final class PodExecCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-009",
                    "Exec, attach, port-forward or ephemeral containers in pods",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("pods/exec and pods/attach open a shell or the standard streams of running containers (and "
                    + "with them their service account tokens); pods/ephemeralcontainers adds a debug container "
                    + "to a running pod; pods/portforward reaches ports that network policies protect.",
                    "Remove these subresources from the role; grant them temporarily to the people who debug a "
                            + "namespace.")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources")
            .withEquivalent("trivy", "KSV053", "KSV054")
            .withEquivalent("checkov", "CKV2_K8S_2")
            .withEquivalent("kubescape", "C-0002", "C-0063");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.POD_EXEC,
            RbacPermissions.POD_ATTACH, RbacPermissions.POD_EPHEMERAL, RbacPermissions.POD_PORTFORWARD);

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
