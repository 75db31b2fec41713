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

/** A binding to system:authenticated or system:serviceaccounts[:ns]: every user or every service account. */
public final class BroadGroupBindingCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-004",
                    "Binding to every authenticated user or service account", Severity.CRITICAL, Category.RBAC)
            .withText("The groups system:authenticated (every user and service account, on some providers any "
                            + "account of the identity provider), system:serviceaccounts and "
                            + "system:serviceaccounts:<namespace> give the role to every identity of the group: "
                            + "one compromised pod is enough to use it.",
                    "Bind the role to the users, groups or service accounts that need it.")
            .withReferences("https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-subjects",
                    "https://kubernetes.io/docs/concepts/security/rbac-good-practices/#hardening")
            .withEquivalent("trivy", "KSV01011").withEquivalent("kubescape", "C-0265");
    /** Default roles every cluster gives these groups: discovery and self-review only. */
    private static final Set<String> BASELINE_ROLES = Set.of("system:basic-user", "system:discovery",
            "system:public-info-viewer", "system:service-account-issuer-discovery");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        List<Finding> out = new ArrayList<>();
        for (var s : RbacFindings.boundSubjects(RbacFindings.graph(context), BASELINE_ROLES,
                BroadGroupBindingCheck::isBroad)) {
            String message = s.binding().display() + " gives " + s.binding().roleKind() + " '"
                    + s.binding().roleName() + "' to every member of " + s.subject().name();
            Severity severity = Severity.HIGH;
            if (!s.risky().isEmpty()) {
                message += ", so each of them can " + RbacFindings.labels(s.risky());
                severity = Severity.CRITICAL;
            }
            out.add(RbacFindings.onBindingSubject(this, s.binding(), s.index(), severity, message));
        }
        return out;
    }

    private static boolean isBroad(final RbacSubject subject) {
        String name = subject.name();
        return RbacSubject.GROUP.equals(subject.kind()) && (RbacSubject.AUTHENTICATED.equals(name)
                || RbacSubject.SERVICE_ACCOUNTS.equals(name) || name.startsWith(RbacSubject.SERVICE_ACCOUNTS + ":"));
    }
}
