package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Approval of certificate signing requests: on the role rules that carry it and on every subject that holds it. */
public final class CsrApprovalCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-012", "Approval of certificate signing requests",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("update on certificatesigningrequests/approval together with approve on signers lets a "
                    + "subject issue client certificates for any user or group, system:masters included.",
                    "Leave CSR approval to the controller manager; if a subject must approve, limit signers with "
                            + "resourceNames to one signer.")
            .withCis("5.1.11")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                    + "#csrs-and-certificate-issuing")
            .withEquivalent("checkov", "CKV_K8S_156")
            .withEquivalent("kubescape", "C-0280");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.CSR_APPROVE);

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
