package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.Workload;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Grant;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacSubject;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload that mounts the token of a service account holding a risky permission: whoever compromises one of its
 * containers holds that permission.
 */
public final class PrivilegedTokenMountCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-018", "Workload mounts a powerful token",
                    Severity.CRITICAL, Category.RBAC)
            .withText("The pods mount the API token of a service account that holds a risky permission (pod "
                            + "creation, secrets, exec, escalation, ...): a compromised container can use it.",
                    "Set automountServiceAccountToken: false when the application does not call the API; "
                            + "otherwise run it as a service account that holds only what it needs.")
            .withCis("5.1.6")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/"
                            + "#minimize-distribution-of-privileged-tokens",
                    "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/")
            .withEquivalent("kubescape", "C-0267", "C-0272");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (RbacGraph.MountedToken mounted : graph.mountedTokens()) {
            Workload workload = mounted.workload();
            RbacSubject account = mounted.account();
            List<String> reasons = new ArrayList<>();
            Severity worst = Severity.INFO;
            Grant first = null;
            List<Permission> firstHeld = List.of();
            for (Grant grant : graph.grantsOf(account)) {
                List<Permission> held = graph.riskyIn(grant.role(), grant.scope());
                if (held.isEmpty()) {
                    continue;
                }
                Severity severity = RbacFindings.severityOf(held, grant.scope());
                if (first == null || severity.compareTo(worst) < 0) {
                    first = grant;
                    firstHeld = held;
                }
                worst = severity.compareTo(worst) < 0 ? severity : worst;
                reasons.add(RbacFindings.labels(held) + " " + grant.scopeText() + " through " + grant.via());
            }
            if (first == null) {
                continue;
            }
            YamlNode named = workload.podField("serviceAccountName").isPresent()
                    ? workload.podField("serviceAccountName") : workload.podField("serviceAccount");
            out.add(finding(workload.object(), named.isPresent() ? named : workload.podField("serviceAccountName"),
                    workload.ref().display() + " mounts the token of " + account.display() + ", which can "
                            + String.join("; ", reasons))
                    .withSeverity(worst).withProperty("workload", workload.ref().display())
                    .withProperty(RbacFindings.SUBJECT, account.display())
                    .withProperty(RbacFindings.PERMISSION, RbacFindings.labels(firstHeld))
                    .withProperty(RbacFindings.BINDING, first.binding().display())
                    .withProperty(RbacFindings.ROLE, first.role().display())
                    .withProperty(RbacFindings.SCOPE, first.isClusterWide() ? "cluster-wide" : first.scope()));
        }
        return out;
    }
}
