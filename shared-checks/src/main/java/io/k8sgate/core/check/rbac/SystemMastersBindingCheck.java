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

/**
 * A binding whose subject is system:masters: the group bypasses authorization, so the binding is pointless and a
 * sign that credentials of that all-powerful group are handed out.
 */
public final class SystemMastersBindingCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-020", "Binding to system:masters",
                    Severity.HIGH, Category.RBAC)
            .withText("Members of system:masters pass every authorization check, whatever RBAC says, and their "
                            + "client certificates cannot be revoked by removing a binding; binding a role to the "
                            + "group suggests its certificates are used as ordinary credentials.",
                    "Remove the subject; give administrators a group of their own bound to the roles they need.")
            .withCis("5.1.7")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                            + "#least-privilege",
                    "https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles")
            .withEquivalent("trivy", "KSV123");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (var s : RbacFindings.boundSubjects(RbacFindings.graph(context), Set.of(),
                subject -> RbacSubject.MASTERS.equals(subject.name()))) {
            out.add(RbacFindings.onBindingSubject(this, s.binding(), s.index(), Severity.HIGH,
                    s.binding().display() + " binds " + s.binding().roleKind() + " '" + s.binding().roleName()
                            + "' to system:masters, a group that bypasses RBAC"));
        }
        return out;
    }
}
