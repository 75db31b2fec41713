package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacPermissions;
import java.util.List;

/** Write on admission webhook configurations: on the role rules that carry it and on every subject that holds it. */
public final class WebhookConfigurationCheck implements NarrowerCheck {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-013", "Write on admission webhook configurations",
                    Severity.CRITICAL,
                    Category.RBAC)
            .withText("Whoever controls a mutating or validating webhook configuration sees every object sent to "
                    + "the API server (secrets included), can change pods on the fly and can switch off policy "
                    + "enforcement.",
                    "Keep write access to admissionregistration.k8s.io with the cluster administrators and the "
                            + "operators that install their own webhooks.")
            .withCis("5.1.12")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                    + "#control-admission-webhooks")
            .withEquivalent("trivy", "KSV114")
            .withEquivalent("checkov", "CKV_K8S_155")
            .withEquivalent("kubescape", "C-0281");
    private static final List<Permission> PERMISSIONS = List.of(RbacPermissions.WEBHOOKS);

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
