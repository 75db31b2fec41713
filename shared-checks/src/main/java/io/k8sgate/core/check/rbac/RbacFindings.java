package io.k8sgate.core.check.rbac;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.input.YamlNode;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.rbac.Grant;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacBinding;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacPermissions;
import io.k8sgate.core.rbac.RbacRole;
import io.k8sgate.core.rbac.RbacSubject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the RBAC checks turn permissions into findings, so that every check reports the same way: on the rule of a
 * role that carries the permission, and on every binding subject that holds it, naming subject, permission, binding
 * and role.
 */
public final class RbacFindings {
    /** Property: the identity holding the permission. */
    public static final String SUBJECT = FindingProperties.SUBJECT;
    /** Property: what it can do. */
    public static final String PERMISSION = "permission";
    /** Property: the binding that grants it. */
    public static final String BINDING = FindingProperties.BINDING;
    /** Property: the role that grants it. */
    public static final String ROLE = FindingProperties.ROLE;
    /** Property: cluster-wide or the namespace. */
    public static final String SCOPE = "scope";
    /** Property: where the granting rule is written. */
    public static final String RULE = "rule";
    /** Property: the bindings of a role. */
    public static final String BOUND_BY = "boundBy";
    /** Property: the roles an aggregated role takes its rules from. */
    public static final String AGGREGATED_FROM = "aggregatedFrom";
    /**
     * Property: the narrower risky permissions a finding's permission implies (everything, or a wildcard), which the
     * narrower checks then do not report again for the same subject and scope or the same rule.
     */
    public static final String IMPLIES = "implies";
    /**
     * Property: the ids of the narrower checks whose findings the implied permissions answer (see
     * {@link FindingProperties#answeredChecks}).
     */
    public static final String IMPLIED_CHECKS = FindingProperties.IMPLIED_CHECKS;

    private RbacFindings() {
    }

    /** The run's graph, built once and shared. */
    public static RbacGraph graph(final CheckContext context) {
        return context.analysis(RbacGraph.class, c -> RbacGraph.of(c.objects(), c.workloads()));
    }

    /** The most severe of the permissions, raised for the scope. */
    static Severity severityOf(final List<Permission> permissions, final String scope) {
        Severity worst = permissions.stream().map(Permission::severity).min(Enum::compareTo).orElse(Severity.INFO);
        return RbacPermissions.raise(worst, scope);
    }

    /** {@code a, b and c}. */
    static String labels(final List<Permission> permissions) {
        return permissions.stream().map(Permission::label).collect(Collectors.joining(", "));
    }

    /**
     * Role findings and binding findings for the permissions, one per root cause: a subject that can do everything in
     * a scope (or cluster-wide) is reported once by the check of everything, and a permission a wildcard rule includes
     * once by the check of wildcards, each naming what it implies, and not again by the narrower checks for the same
     * role or the same subject and scope; a permission a subject holds cluster-wide is reported on that grant only,
     * not again for a namespace where the subject also holds it; the platform's own roles and bindings ({@link
     * io.k8sgate.core.rbac.PlatformObjects}) are not findings by themselves.
     */
    public static List<Finding> permissions(final Check check, final CheckContext context,
            final List<Permission> permissions) {
        RbacGraph graph = graph(context);
        boolean everything = permissions.contains(RbacPermissions.FULL_ADMIN);
        List<Finding> out = new ArrayList<>(roleFindings(check, graph, permissions));
        Answered answered = context.analysis(Answered.class, c -> new Answered(graph(c)));
        List<Permission> held = new ArrayList<>(permissions.size());
        for (Grant grant : graph.reportableGrants()) {
            Set<Permission> already = answered.at(grant);
            held.clear();
            for (Permission p : permissions) {
                if (!already.contains(p) && !graph.granting(p, grant.role(), grant.scope()).isEmpty()) {
                    held.add(p);
                }
            }
            if (!held.isEmpty()) {
                PolicyRule first = graph.granting(held.get(0), grant.role(), grant.scope()).get(0);
                Finding finding = onSubject(check, grant, severityOf(held, grant.scope()),
                        grant.subject().display() + " can " + labels(held) + " " + grant.scopeText() + " through "
                                + grant.via(), labels(held), first, context);
                out.add(everything ? impliedBy(graph, grant.role(), grant.scope()).on(finding) : finding);
            }
        }
        return out;
    }

    /**
     * The permissions a wider finding already answers for each reportable grant, computed once per run and shared by
     * the checks: for a root cause, every narrower permission where its subject can do everything and those of the
     * wildcard rules it holds, in the grant's scope or cluster-wide; for a grant inside a namespace, also every
     * permission (everything included) its subject holds cluster-wide, which the cluster-wide grant reports. Platform
     * bindings count (they still grant it).
     */
    static final class Answered {
        private final IdentityHashMap<Grant, Set<Permission>> byGrant = new IdentityHashMap<>();

        Answered(final RbacGraph graph) {
            Map<RbacSubject, Map<String, Set<Permission>>> bySubject = new HashMap<>();
            Map<RbacSubject, Set<Permission>> clusterWide = new HashMap<>();
            for (Grant grant : graph.grants()) {
                Set<Permission> implied = impliedAt(graph, grant);
                if (!implied.isEmpty()) {
                    bySubject.computeIfAbsent(grant.subject(), k -> new HashMap<>())
                            .computeIfAbsent(grant.scope(), k -> new HashSet<>()).addAll(implied);
                }
                if (grant.isClusterWide()) {
                    Set<Permission> held = clusterWide.computeIfAbsent(grant.subject(), k -> new HashSet<>());
                    ImpliedPermissions.where(p -> !graph.granting(p, grant.role(), grant.scope()).isEmpty())
                            .permissions().forEach(held::add);
                    if (!graph.granting(RbacPermissions.FULL_ADMIN, grant.role(), grant.scope()).isEmpty()) {
                        held.add(RbacPermissions.FULL_ADMIN);
                    }
                }
            }
            for (Grant grant : graph.reportableGrants()) {
                Map<String, Set<Permission>> scopes = bySubject.getOrDefault(grant.subject(), Map.of());
                Set<Permission> here = new HashSet<>(scopes.getOrDefault(RbacBinding.CLUSTER_WIDE, Set.of()));
                here.addAll(scopes.getOrDefault(grant.scope(), Set.of()));
                if (!grant.isClusterWide()) {
                    here.addAll(clusterWide.getOrDefault(grant.subject(), Set.of()));
                }
                if (!here.isEmpty()) {
                    byGrant.put(grant, Set.copyOf(here));
                }
            }
        }

        private static Set<Permission> impliedAt(final RbacGraph graph, final Grant grant) {
            if (!graph.granting(RbacPermissions.FULL_ADMIN, grant.role(), grant.scope()).isEmpty()) {
                return new HashSet<>(ImpliedPermissions.where(p -> true).permissions());
            }
            Set<Permission> out = new HashSet<>();
            for (PolicyRule rule : graph.rulesOf(grant.role())) {
                if (ImpliedPermissions.isWildcard(rule)) {
                    out.addAll(ImpliedPermissions.byRule(rule, grant.scope()).permissions());
                }
            }
            return out;
        }

        /** What is already answered for the subject of a reportable grant in its scope. */
        Set<Permission> at(final Grant grant) {
            return byGrant.getOrDefault(grant, Set.of());
        }
    }

    /** The narrower permissions a role grants in a scope (what its grant of everything implies). */
    static ImpliedPermissions impliedBy(final RbacGraph graph, final RbacRole role, final String scope) {
        return ImpliedPermissions.where(p -> !graph.granting(p, role, scope).isEmpty());
    }

    /** A finding on a binding subject, with the standard properties. */
    static Finding onSubject(final Check check, final Grant grant, final Severity severity, final String message,
            final String permission, final PolicyRule rule, final CheckContext context) {
        RbacGraph graph = graph(context);
        Map<String, String> props = new LinkedHashMap<>();
        props.put(SUBJECT, grant.subject().display());
        props.put(PERMISSION, permission);
        props.put(BINDING, grant.binding().display());
        props.put(ROLE, grant.role().display());
        props.put(SCOPE, grant.isClusterWide() ? "cluster-wide" : grant.scope());
        props.put(RULE, graph.ownerOf(rule).display() + " at " + context.cite(rule.node().location()));
        return check.finding(grant.binding().object(), RbacGraph.subjectNode(grant), message)
                .withSeverity(severity).withProperties(props);
    }

    /** A finding on a binding subject whose role may be unknown to the inputs. */
    static Finding onBindingSubject(final Check check, final RbacBinding binding, final int index,
            final Severity severity, final String message) {
        RbacSubject subject = binding.subjects().get(index).subject();
        return check.finding(binding.object(), binding.subjects().get(index).node(), message).withSeverity(severity)
                .withProperty(SUBJECT, subject.display()).withProperty(BINDING, binding.display())
                .withProperty(ROLE, binding.roleKind() + "/" + binding.roleName())
                .withProperty(PERMISSION, "what " + binding.roleKind() + " '" + binding.roleName() + "' grants")
                .withProperty(SCOPE, binding.isClusterWide() ? "cluster-wide" : binding.scope());
    }

    /**
     * A subject as written in a binding, with the risky permissions the binding's role grants (empty when the role is
     * harmless or not in the inputs).
     *
     * @param binding the binding
     * @param index   the subject's position in the binding's list of subjects
     * @param subject the identity
     * @param risky   what the role lets it do that is risky
     */
    record BoundSubjectRisk(RbacBinding binding, int index, RbacSubject subject, List<Permission> risky) {
    }

    /** The binding subjects that match, skipping bindings to the given default roles. */
    static List<BoundSubjectRisk> boundSubjects(final RbacGraph graph, final Set<String> skippedRoles,
            final java.util.function.Predicate<RbacSubject> which) {
        List<BoundSubjectRisk> out = new ArrayList<>();
        for (RbacBinding binding : graph.bindings()) {
            if (skippedRoles.contains(binding.roleName()) || graph.isPlatform(binding)) {
                continue;
            }
            List<Permission> risky = riskyOf(graph, binding);
            for (int i = 0; i < binding.subjects().size(); i++) {
                RbacSubject subject = binding.subjects().get(i).subject();
                if (which.test(subject)) {
                    out.add(new BoundSubjectRisk(binding, i, subject, risky));
                }
            }
        }
        return out;
    }

    /** The risky permissions the binding's role grants (empty when the role is not in the inputs). */
    static List<Permission> riskyOf(final RbacGraph graph, final RbacBinding binding) {
        return graph.role(binding.roleKey())
                .map(role -> graph.riskyIn(role, binding.scope())).orElse(List.of());
    }

    /** Findings on the rules of the inputs' roles that carry one of the permissions. */
    static List<Finding> roleFindings(final Check check, final RbacGraph graph, final List<Permission> permissions) {
        List<Finding> out = new ArrayList<>();
        boolean everything = permissions.contains(RbacPermissions.FULL_ADMIN);
        for (RbacRole role : graph.reportableRoles()) {
            String scope = scopeOf(graph, role);
            if (!everything && !graph.granting(RbacPermissions.FULL_ADMIN, role, scope).isEmpty()) {
                continue; // reported once, as everything, with what it implies
            }
            boolean raised = graph.isBoundClusterWide(role) || RbacPermissions.KUBE_SYSTEM.equals(role.namespace());
            String raiseScope = raised ? scope : "";
            List<PolicyRule> rules = graph.rulesOf(role);
            if (role.isAggregated()) {
                List<Permission> held = permissions.stream().filter(p -> !graph.granting(p, role, scope).isEmpty())
                        .filter(p -> everything || !impliedByWildcard(p, rules, scope)).toList();
                if (!held.isEmpty()) {
                    Set<String> from = new LinkedHashSet<>();
                    held.forEach(p -> graph.granting(p, role, scope)
                            .forEach(r -> from.add(graph.ownerOf(r).display())));
                    out.add(onRole(check, graph, role, role.aggregationRule(), severityOf(held, raiseScope),
                            role.display() + " can " + labels(held) + " through aggregation of "
                                    + String.join(", ", from), labels(held))
                            .withProperty(AGGREGATED_FROM, String.join(", ", from)));
                }
                continue;
            }
            // every rule that grants a one-part permission is reported; a permission of several parts (CSR
            // approval) is reported once, on the rule that grants its first part
            Map<PolicyRule, List<Permission>> byRule = new LinkedHashMap<>();
            for (Permission p : permissions) {
                List<PolicyRule> granting = graph.granting(p, role, scope);
                // a permission that one wildcard rule of the role grants by itself is reported once, on that rule
                // by the check of wildcards with the permission as implied, and not again on another rule
                if (granting.isEmpty() || (!everything && impliedByWildcard(p, rules, scope))) {
                    continue;
                }
                for (PolicyRule rule : rules) {
                    @SuppressWarnings("ReferenceEquality") // the first granting rule itself, not an equal one
                    boolean grants = p.allOf().size() == 1 ? !p.grantedBy(List.of(rule), scope).isEmpty()
                            : rule == granting.get(0);
                    if (grants) {
                        byRule.computeIfAbsent(rule, r -> new ArrayList<>()).add(p);
                    }
                }
            }
            byRule.forEach((rule, held) -> {
                Finding finding = onRole(check, graph, role, rule.node(), severityOf(held, raiseScope),
                        role.display() + " grants " + labels(held) + ": " + rule.describe(), labels(held));
                out.add(everything ? impliedBy(graph, role, scope).on(finding) : finding);
            });
        }
        return out;
    }

    /** True when one wildcard rule among the rules grants the permission by itself in the scope. */
    private static boolean impliedByWildcard(final Permission permission, final List<PolicyRule> rules,
            final String scope) {
        return rules.stream().anyMatch(r -> ImpliedPermissions.isWildcard(r)
                && !permission.grantedBy(List.of(r), scope).isEmpty());
    }

    /**
     * The widest scope a role's rules can have: cluster-wide for a ClusterRole that is unbound in the inputs or bound
     * by a ClusterRoleBinding, the namespace of its first RoleBinding for one bound only by RoleBindings, and its own
     * namespace for a Role.
     */
    static String scopeOf(final RbacGraph graph, final RbacRole role) {
        return graph.widestScope(role);
    }

    /** A finding on a role, naming its bindings. */
    static Finding onRole(final Check check, final RbacGraph graph, final RbacRole role, final YamlNode at,
            final Severity severity, final String message, final String permission) {
        List<RbacBinding> refs = graph.bindingsOf(role);
        String bound = refs.isEmpty() ? "none in the inputs"
                : refs.stream().map(RbacBinding::display).collect(Collectors.joining(", "));
        return check.finding(role.object(), at, message).withSeverity(severity)
                .withProperty(PERMISSION, permission).withProperty(ROLE, role.display())
                .withProperty(BOUND_BY, bound);
    }
}
