package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacBinding;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacPermissions;
import io.k8sgate.core.rbac.RbacRole;
import java.util.ArrayList;
import java.util.List;

/**
 * A wildcard in the verbs, resources or non-resource URLs of a rule (other than the full wildcard, which
 * K8S-RBAC-001 reports): it grants every current and future verb or resource, custom resources included.
 */
public final class WildcardRuleCheck implements Check {
    static final CheckMetadata METADATA = CheckMetadata.of("K8S-RBAC-002", "Wildcard in role rules",
                    Severity.HIGH, Category.RBAC)
            .withText("'*' in verbs, resources or nonResourceURLs grants every verb or resource that exists now "
                            + "and any that is added later (custom resources included), usually far more than "
                            + "the subject needs.",
                    "List the verbs and resources explicitly.")
            .withCis("5.1.3")
            .withReferences("https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege")
            .withEquivalent("trivy", "KSV045", "KSV046", "KSV112").withEquivalent("checkov", "CKV_K8S_49")
            .withEquivalent("kube-linter", "wildcard-in-rules").withEquivalent("kubescape", "C-0187");

    @Override
    public CheckMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> evaluate(final CheckContext context) {
        RbacGraph graph = RbacFindings.graph(context);
        List<Finding> out = new ArrayList<>();
        for (RbacRole role : graph.reportableRoles()) {
            boolean raised = graph.bindingsOf(role).stream().anyMatch(RbacBinding::isClusterWide)
                    || RbacPermissions.KUBE_SYSTEM.equals(role.namespace());
            String scope = RbacFindings.scopeOf(graph, role);
            if (!RbacPermissions.FULL_ADMIN.grantedBy(graph.rulesOf(role), scope).isEmpty()) {
                continue; // everything: K8S-RBAC-001 reports the role once, with what it implies
            }
            for (PolicyRule rule : role.rules()) {
                if (!reports(rule)) {
                    continue;
                }
                Severity severity = raised ? Severity.HIGH : Severity.MEDIUM;
                List<Permission> implied = RbacPermissions.riskyIn(List.of(rule), scope);
                Finding finding = RbacFindings.onRole(this, graph, role, rule.node(), severity,
                        role.display() + " uses a wildcard: " + rule.describe()
                                + (implied.isEmpty() ? "" : ", which implies: " + RbacFindings.labels(implied)),
                        "wildcard");
                out.add(implied.isEmpty() ? finding : finding.withProperty(RbacFindings.IMPLIES,
                        RbacFindings.labels(implied)));
            }
        }
        return out;
    }

    /**
     * True for a rule this check reports: a wildcard in verbs, resources or non-resource URLs, short of the full
     * wildcard (everything, K8S-RBAC-001).
     */
    private static boolean reports(final PolicyRule rule) {
        return !rule.isFullWildcard() && (rule.verbs().contains(PolicyRule.ALL)
                || rule.resources().contains(PolicyRule.ALL) || rule.nonResourceUrls().contains(PolicyRule.ALL));
    }
}
