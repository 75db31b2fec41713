package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Kubelet API through nodes/proxy: on the role rules that carry it and on every subject that holds it. */
public final class NodeProxyCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-010", "Kubelet API through nodes/proxy",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("get (not only create) on nodes/proxy reaches the kubelet API, which runs commands in every "
                    + "pod of the node without audit or admission. nodes is cluster-scoped: only a ClusterRole "
                    + "bound cluster-wide grants it.",
                    "Remove nodes/proxy from the role; monitoring agents need nodes/metrics or nodes/stats instead.")
            .withCis("5.1.10")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                            + "#access-to-proxy-subresource-of-nodes")
            .withEquivalent("trivy", "KSV047")
            .withEquivalent("checkov", "CKV2_K8S_2")
            .withEquivalent("kubescape", "C-0279");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.NODE_PROXY);

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
