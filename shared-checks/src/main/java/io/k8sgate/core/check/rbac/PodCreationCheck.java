package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Creation of pods or pod controllers: on the role rules that carry it and on every subject that holds it. */
public final class PodCreationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-008", "Creation of pods or pod controllers",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("A subject that can create pods, or create or change any controller of pods (deployments, "
                    + "daemonsets, statefulsets, replicasets, replicationcontrollers, jobs, cronjobs), can run a "
                    + "pod as any service account of the namespace and mount any of its secrets; without Pod "
                    + "Security Admission it can also take over the node.",
                    "Let a deployment pipeline hold these rights in its own namespace only; give people and "
                            + "applications read access.")
            .withCis("5.1.4")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#workload-creation")
            .withEquivalent("trivy", "KSV048", "KSV111")
            .withEquivalent("kube-linter", "access-to-create-pods")
            .withEquivalent("kubescape", "C-0188");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.POD_CREATE,
            RbacPermissions.CONTROLLER_WRITE);

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
