package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.RbacSubject;
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
        List<Finding> out = new ArrayList<>();
        // the kind is not looked at: a misspelt kind is still an attempt to open the role to everyone
        for (var s : RbacFindings.boundSubjects(RbacFindings.graph(context), BASELINE_ROLES,
                subject -> RbacSubject.ANONYMOUS.equals(subject.name())
                        || RbacSubject.UNAUTHENTICATED.equals(subject.name()))) {
            out.add(RbacFindings.onBindingSubject(this, s.binding(), s.index(), Severity.CRITICAL,
                    s.binding().display() + " gives " + s.binding().roleKind() + " '" + s.binding().roleName()
                            + "' to " + s.subject().name() + ": every unauthenticated client holds it"));
        }
        return out;
    }
}
