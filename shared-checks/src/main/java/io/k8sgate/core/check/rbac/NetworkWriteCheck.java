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
 * Change of services, endpoints, network policies or ingresses: on the role rules that carry it and on the subjects
 * that hold it.
 */
public final class NetworkWriteCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-022",
                    "Change of services, endpoints, network policies or ingresses", Severity.HIGH, Category.RBAC)
            .withText("Whoever changes services, endpoints, endpoint slices, ingresses or a service's status "
                            + "(CVE-2020-8554) can redirect traffic to a pod of its own; deleting a network policy "
                            + "opens the paths it closed.",
                    "Let the deployment pipeline own these objects; give people and applications read access.")
            .withReferences("https://kubernetes.io/docs/concepts/services-networking/network-policies/",
                    "https://github.com/kubernetes/kubernetes/issues/97076")
            .withEquivalent("trivy", "KSV056").withEquivalent("checkov", "CKV2_K8S_4");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.NETWORK_WRITE);

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
