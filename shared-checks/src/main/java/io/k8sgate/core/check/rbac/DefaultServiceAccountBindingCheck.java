package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import java.util.ArrayList;
import java.util.List;

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
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (RbacBinding binding : graph.bindings()) {
            List<Permission> risky = RbacFindings.riskyOf(graph, binding);
            for (int i = 0; i < binding.subjects().size(); i++) {
                RbacSubject subject = binding.subjects().get(i).subject();
                if (!subject.isServiceAccount() || !"default".equals(subject.name())) {
                    continue;
                }
                String message = binding.display() + " gives " + binding.roleKind() + " '" + binding.roleName()
                        + "' to " + subject.display() + ", which every pod without its own account runs as";
                Severity severity = Severity.MEDIUM;
                if (!risky.isEmpty()) {
                    message += "; it can " + RbacFindings.labels(risky);
                    severity = Severity.HIGH;
                }
                out.add(RbacFindings.onBindingSubject(this, binding, i, severity, message));
            }
        }
        return out;
    }
}
