package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Grant;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacPermissions;
import io.k8sgate.core.rbac.RbacRole;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A wildcard in the verbs, resources or non-resource URLs of a rule (other than the full wildcard, which
 * K8S-RBAC-001 reports): it grants every current and future verb or resource, custom resources included. It is the
 * root cause of the narrower permissions it includes: reported once on the rule and once on each subject that holds
 * it, naming those permissions (and the narrower checks that then do not repeat them) as implied.
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
            boolean raised = graph.isBoundClusterWide(role)
                    || RbacPermissions.KUBE_SYSTEM.equals(role.namespace());
            String scope = RbacFindings.scopeOf(graph, role);
            if (doesEverything(graph, role, scope)) {
                continue; // everything: K8S-RBAC-001 reports the role once, with what it implies
            }
            for (PolicyRule rule : role.rules()) {
                if (!ImpliedPermissions.isWildcard(rule)) {
                    continue;
                }
                ImpliedPermissions implied = ImpliedPermissions.byRule(rule, scope);
                out.add(implied.on(RbacFindings.onRole(this, graph, role, rule.node(),
                        severity(raised, implied, raised ? scope : ""),
                        role.display() + " uses a wildcard: " + rule.describe() + impliesText(implied),
                        "wildcard")));
            }
        }
        for (Grant grant : graph.reportableGrants()) {
            if (doesEverything(graph, grant.role(), grant.scope())) {
                continue;
            }
            List<PolicyRule> wildcards = graph.rulesOf(grant.role()).stream().filter(ImpliedPermissions::isWildcard)
                    .toList();
            if (wildcards.isEmpty()) {
                continue;
            }
            ImpliedPermissions implied = ImpliedPermissions.where(p -> wildcards.stream()
                    .anyMatch(r -> !p.grantedBy(List.of(r), grant.scope()).isEmpty()));
            boolean raised = grant.isClusterWide() || RbacPermissions.KUBE_SYSTEM.equals(grant.scope());
            out.add(implied.on(RbacFindings.onSubject(this, grant, severity(raised, implied, grant.scope()),
                    grant.subject().display() + " holds a wildcard " + grant.scopeText() + " through " + grant.via()
                            + ": " + wildcards.stream().map(PolicyRule::describe).collect(Collectors.joining("; "))
                            + impliesText(implied),
                    "wildcard", wildcards.get(0), context)));
        }
        return out;
    }

    private static boolean doesEverything(final RbacGraph graph, final RbacRole role, final String scope) {
        return !graph.granting(RbacPermissions.FULL_ADMIN, role, scope).isEmpty();
    }

    /**
     * HIGH when the wildcard reaches the whole cluster or kube-system, MEDIUM otherwise, and never less than the
     * most severe permission it implies (which the narrower check would have reported at that severity).
     */
    private static Severity severity(final boolean raised, final ImpliedPermissions implied, final String scope) {
        Severity own = raised ? Severity.HIGH : Severity.MEDIUM;
        if (implied.isEmpty()) {
            return own;
        }
        Severity worst = RbacFindings.severityOf(implied.permissions(), scope);
        return worst.compareTo(own) < 0 ? worst : own;
    }

    private static String impliesText(final ImpliedPermissions implied) {
        return implied.isEmpty() ? "" : ", which implies: " + implied.labels();
    }
}
