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

/** A binding to system:anonymous or system:unauthenticated: anyone who reaches the API server gets the role. */
public final class AnonymousBindingCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-003", "Binding to anonymous users",
                    Severity.CRITICAL, Category.RBAC)
            .withText("A binding whose subject is the user system:anonymous or the group system:unauthenticated "
                            + "gives its role to every client that can reach the API server, without credentials.",
                    "Remove the subject; bind the role to the authenticated identities that need it.")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                            + "#hardening",
                    "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests")
            .withEquivalent("trivy", "KSV122").withEquivalent("kubescape", "C-0262");
    /** Default bindings of every cluster that give anonymous clients harmless discovery data. */
    private static final Set<String> BASELINE_ROLES = Set.of("system:public-info-viewer",
            "kubeadm:bootstrap-signer-clusterinfo");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (RbacBinding binding : graph.bindings()) {
            if (BASELINE_ROLES.contains(binding.roleName())) {
                continue;
            }
            for (int i = 0; i < binding.subjects().size(); i++) {
                String name = binding.subjects().get(i).subject().name();
                // the kind is not looked at: a misspelt kind is still an attempt to open the role to everyone
                if (RbacSubject.ANONYMOUS.equals(name) || RbacSubject.UNAUTHENTICATED.equals(name)) {
                    out.add(RbacFindings.onBindingSubject(this, binding, i, Severity.CRITICAL,
                            binding.display() + " gives " + binding.roleKind() + " '" + binding.roleName()
                                    + "' to " + name + ": every unauthenticated client holds it"));
                }
            }
        }
        return out;
    }
}
