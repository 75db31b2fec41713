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
 * Write on ConfigMaps, an optional check: most applications need it in their own namespace, but in kube-system it
 * reaches aws-auth (which maps cloud identities to Kubernetes groups, system:masters included) and coredns.
 */
public final class ConfigMapWriteCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-024", "Write on config maps",
                    Severity.MEDIUM, Category.RBAC)
            .withText("Config maps hold runtime configuration that workloads trust; in kube-system, aws-auth maps "
                            + "IAM identities to Kubernetes users and groups and coredns steers name resolution.",
                    "Grant config map writes only in the application's own namespace, limited with resourceNames "
                            + "to the maps it owns.")
            .withReferences("https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html",
                    "https://kubernetes.io/docs/concepts/configuration/configmap/")
            .withEquivalent("trivy", "KSV049", "KSV115").withEquivalent("kubescape", "C-0037")
            .optional();
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.CONFIGMAP_WRITE);

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
