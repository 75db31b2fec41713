package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code default} service account as a binding subject: every pod that names no account gets the role. */
public final class DefaultServiceAccountBindingCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-017", "Role bound to the default service account",
                    Severity.HIGH, Category.RBAC)
            .withText("Every pod of a namespace that does not name a service account runs as 'default': a role "
                            + "bound to it is held by all of them.",
                    "Create a dedicated service account for the workload that needs the role and bind the role "
                            + "to it; leave 'default' without bindings.")
            .withCis("5.1.5")
            .withReferences("https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts",
                    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#hardening")
            .withEquivalent("checkov", "CKV_K8S_42").withEquivalent("kubescape", "C-0189");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (var s : RbacFindings.boundSubjects(RbacFindings.graph(context), Set.of(),
                subject -> subject.isServiceAccount() && "default".equals(subject.name()))) {
            String message = s.binding().display() + " gives " + s.binding().roleKind() + " '"
                    + s.binding().roleName() + "' to " + s.subject().display()
                    + ", which every pod without its own account runs as";
            Severity severity = Severity.MEDIUM;
            if (!s.risky().isEmpty()) {
                message += "; it can " + RbacFindings.labels(s.risky());
                severity = Severity.HIGH;
            }
            out.add(RbacFindings.onBindingSubject(this, s.binding(), s.index(), severity, message));
        }
        return out;
    }
}
