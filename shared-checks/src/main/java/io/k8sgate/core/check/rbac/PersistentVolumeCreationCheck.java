package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Creation of persistent volumes: on the role rules that carry it and on every subject that holds it. */
public final class PersistentVolumeCreationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-014", "Creation of persistent volumes",
                    Severity.HIGH,
                    Category.RBAC)
            .withText("A subject that creates PersistentVolumes can create a hostPath volume and mount the node's "
                    + "file system into a pod.",
                    "Provision volumes through StorageClasses and PersistentVolumeClaims; keep PV creation with the "
                            + "administrators.")
            .withCis("5.1.9")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                    + "#persistent-volume-creation")
            .withEquivalent("kubescape", "C-0278");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.PV_CREATE);

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
