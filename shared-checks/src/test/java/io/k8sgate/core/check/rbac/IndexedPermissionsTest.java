package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.rbac.Grant;
import io.k8sgate.core.rbac.Permission;
import io.k8sgate.core.rbac.PolicyRule;
import io.k8sgate.core.rbac.RbacBinding;
import io.k8sgate.core.rbac.RbacGraph;
import io.k8sgate.core.rbac.RbacPermissions;
import io.k8sgate.core.rbac.RbacRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The permission checks look permissions up in indexes built once per run (rules granting a permission by role and
 * scope, risky permissions by role and scope, what a root cause answers by grant, scopes and bindings by role). This
 * test evaluates the same generated mixed input straightforwardly, with every lookup computed from the rules and the
 * bindings on each call, and requires the same findings, in the same order, from every check that reports
 * permissions.
 */
class IndexedPermissionsTest {
    /** How many generated inputs each test evaluates. */
    private static final int SEEDS = 8;
    private static final String[] NAMESPACES = {"team-a", "team-b", "kube-system", "default"};
    private static final String[] RULES = {
        "{apiGroups: [\"\"], resources: [configmaps], verbs: [get, list]}",
        "{apiGroups: [\"\"], resources: [pods], verbs: [create]}",
        "{apiGroups: [\"\"], resources: [secrets], verbs: [get]}",
        "{apiGroups: [\"\"], resources: [secrets], verbs: [update], resourceNames: [one]}",
        "{apiGroups: [\"\"], resources: [pods/exec, pods/attach], verbs: [create]}",
        "{apiGroups: [\"\"], resources: [\"*\"], verbs: [get]}",
        "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [\"*\"]}",
        "{apiGroups: [\"*\"], resources: [\"*\"], verbs: [get, list, watch, create, update, patch, delete, "
                + "deletecollection]}",
        "{apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate, bind]}",
        "{apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [\"*\"]}",
        "{apiGroups: [\"\"], resources: [users, groups, serviceaccounts], verbs: [impersonate]}",
        "{apiGroups: [\"\"], resources: [nodes/proxy], verbs: [get], resourceNames: [node-1]}",
        "{apiGroups: [\"\"], resources: [serviceaccounts/token], verbs: [create]}",
        "{apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update]}",
        "{apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve], "
                + "resourceNames: [kubernetes.io/kube-apiserver-client]}",
        "{apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [patch]}",
        "{apiGroups: [\"\"], resources: [persistentvolumes, namespaces], verbs: [create, update]}",
        "{apiGroups: [networking.k8s.io, \"\"], resources: [networkpolicies, services], verbs: [delete]}",
        "{apiGroups: [\"\"], resources: [configmaps], verbs: [\"*\"]}",
        "{apiGroups: [apps], resources: [deployments], verbs: [patch]}",
        "{nonResourceURLs: [\"*\"], verbs: [get]}",
    };
    private static final String[] SUBJECTS = {
        "{kind: User, name: alice}",
        "{kind: User, name: bob}",
        "{kind: Group, name: developers}",
        "{kind: Group, name: system:authenticated}",
        "{kind: ServiceAccount, name: deployer, namespace: team-a}",
        "{kind: ServiceAccount, name: default, namespace: team-b}",
        "{kind: ServiceAccount, name: robot, namespace: kube-system}",
        "{kind: User, name: \"system:serviceaccount:team-a:deployer\"}",
    };

    /**
     * Roles and ClusterRoles of random rules (some aggregated, some labelled into the aggregated ones), bound by
     * RoleBindings and ClusterRoleBindings to random subjects, a few bindings naming roles the inputs lack.
     */
    static String generated(final long seed) {
        Random random = new Random(seed);
        StringBuilder y = new StringBuilder();
        List<String[]> roles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            boolean cluster = random.nextInt(3) == 0;
            String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
            String name = "role-" + i;
            y.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ").append(cluster ? "ClusterRole" : "Role")
                    .append("\nmetadata:\n  name: ").append(name);
            if (!cluster) {
                y.append("\n  namespace: ").append(ns);
            }
            if (cluster && random.nextInt(3) == 0) {
                y.append("\n  labels: {aggregate-to-mixed: \"true\"}");
            }
            y.append("\nrules:\n");
            int count = 1 + random.nextInt(3);
            for (int r = 0; r < count; r++) {
                y.append("  - ").append(RULES[random.nextInt(RULES.length)]).append('\n');
            }
            y.append("---\n");
            roles.add(new String[] {cluster ? "ClusterRole" : "Role", name, ns});
        }
        y.append("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: mixed-aggregate}
                aggregationRule:
                  clusterRoleSelectors: [{matchLabels: {aggregate-to-mixed: "true"}}]
                rules: []
                ---
                """);
        roles.add(new String[] {"ClusterRole", "mixed-aggregate", ""});
        roles.add(new String[] {"ClusterRole", "missing-role", ""});
        for (int b = 0; b < 120; b++) {
            String[] role = roles.get(random.nextInt(roles.size()));
            boolean clusterBinding = "ClusterRole".equals(role[0]) && random.nextInt(3) == 0;
            String ns = "Role".equals(role[0]) ? role[2] : NAMESPACES[random.nextInt(NAMESPACES.length)];
            y.append("apiVersion: rbac.authorization.k8s.io/v1\nkind: ")
                    .append(clusterBinding ? "ClusterRoleBinding" : "RoleBinding").append("\nmetadata:\n  name: b-")
                    .append(b);
            if (!clusterBinding) {
                y.append("\n  namespace: ").append(ns);
            }
            y.append("\nsubjects:\n");
            int count = 1 + random.nextInt(2);
            for (int s = 0; s < count; s++) {
                y.append("  - ").append(SUBJECTS[random.nextInt(SUBJECTS.length)]).append('\n');
            }
            y.append("roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ").append(role[0]).append(", name: ")
                    .append(role[1]).append("}\n---\n");
        }
        return y.toString();
    }

    private static CheckContext context(final long seed) {
        List<String> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse("mixed-rbac.yaml", generated(seed),
                d -> problems.add(d.toString()));
        assertThat(problems).isEmpty();
        return CheckContext.of(objects, CheckSettings.DEFAULT);
    }

    @Test
    void shouldReportTheSameFindingsAsAStraightforwardEvaluation() {
        int findings = 0;
        int answered = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            CheckContext context = context(seed);
            RbacGraph graph = RbacFindings.graph(context);
            Map<Check, List<Permission>> checks = new LinkedHashMap<>();
            checks.put(new ClusterAdminGrantCheck(), List.of(RbacPermissions.FULL_ADMIN));
            ImpliedPermissions.NARROWER.forEach(c -> checks.put(c, c.permissions()));
            for (var entry : checks.entrySet()) {
                List<Finding> expected = Straightforward.permissions(entry.getKey(), context, entry.getValue());
                assertThat(entry.getKey().evaluate(context)).as("%s, seed %d", entry.getKey().metadata().id(), seed)
                        .containsExactlyElementsOf(expected);
                findings += expected.size();
            }
            answered += Straightforward.answeredGrants(graph);
        }
        // the inputs reach every path: findings on roles and subjects, and narrower permissions left to a root cause
        assertThat(findings).isGreaterThan(300);
        assertThat(answered).isGreaterThan(15);
    }

    @Test
    void shouldLookUpWhatTheRulesAndBindingsSayForEveryRoleAndScope() {
        List<String> differences = new ArrayList<>();
        int lookups = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RbacGraph graph = RbacFindings.graph(context(seed));
            Set<String> scopes = new LinkedHashSet<>(List.of(NAMESPACES));
            scopes.add(RbacBinding.CLUSTER_WIDE);
            for (RbacRole role : graph.roles()) {
                List<RbacBinding> refs = Straightforward.bindingsOf(graph, role);
                expect(differences, role.key() + " bindings", graph.bindingsOf(role), refs);
                expect(differences, role.key() + " bound cluster-wide", graph.isBoundClusterWide(role),
                        refs.stream().anyMatch(RbacBinding::isClusterWide));
                expect(differences, role.key() + " widest scope", graph.widestScope(role),
                        Straightforward.scopeOf(role, refs));
                List<PolicyRule> rules = graph.rulesOf(role);
                for (String scope : scopes) {
                    expect(differences, role.key() + " risky in " + scope, graph.riskyIn(role, scope),
                            RbacPermissions.riskyIn(rules, scope));
                    for (Permission p : RbacPermissions.RISKY) {
                        expect(differences, role.key() + " in " + scope + ": " + p.label(),
                                graph.granting(p, role, scope), p.grantedBy(rules, scope));
                        lookups++;
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(lookups).isGreaterThan(10_000);
    }

    private static void expect(final List<String> differences, final String what, final Object actual,
            final Object expected) {
        if (!actual.equals(expected)) {
            differences.add(what + ": " + actual + " instead of " + expected);
        }
    }

    /** The permission findings computed from the rules and bindings on every call, without any index. */
    private static final class Straightforward {
        private Straightforward() {
        }

        static String scopeOf(final RbacRole role, final List<RbacBinding> refs) {
            if (!role.isClusterRole()) {
                return role.namespace();
            }
            return refs.isEmpty() || refs.stream().anyMatch(RbacBinding::isClusterWide) ? RbacBinding.CLUSTER_WIDE
                    : refs.get(0).scope();
        }

        static List<RbacBinding> bindingsOf(final RbacGraph graph, final RbacRole role) {
            return graph.bindings().stream().filter(b -> b.roleKey().equals(role.key())).toList();
        }

        static List<PolicyRule> granting(final RbacGraph graph, final Permission p, final RbacRole role,
                final String scope) {
            return p.grantedBy(graph.rulesOf(role), scope);
        }

        /** {@code subject@scope} to what a root cause answers there, from every grant. */
        static Map<String, Set<Permission>> implied(final RbacGraph graph) {
            Map<String, Set<Permission>> out = new HashMap<>();
            for (Grant grant : graph.grants()) {
                String key = grant.subject().display() + "@" + grant.scope();
                if (!granting(graph, RbacPermissions.FULL_ADMIN, grant.role(), grant.scope()).isEmpty()) {
                    out.computeIfAbsent(key, k -> new HashSet<>())
                            .addAll(ImpliedPermissions.where(p -> true).permissions());
                    continue;
                }
                for (PolicyRule rule : graph.rulesOf(grant.role())) {
                    if (ImpliedPermissions.isWildcard(rule)) {
                        out.computeIfAbsent(key, k -> new HashSet<>())
                                .addAll(ImpliedPermissions.byRule(rule, grant.scope()).permissions());
                    }
                }
            }
            return out;
        }

        static Set<Permission> answered(final RbacGraph graph, final Map<String, Set<Permission>> implied,
                final Grant grant) {
            Set<Permission> out = new HashSet<>(implied.getOrDefault(grant.subject().display() + "@"
                    + RbacBinding.CLUSTER_WIDE, Set.of()));
            out.addAll(implied.getOrDefault(grant.subject().display() + "@" + grant.scope(), Set.of()));
            if (!grant.isClusterWide()) {
                // what the same subject holds cluster-wide is reported on that grant
                for (Grant wider : graph.grants()) {
                    if (wider.isClusterWide() && wider.subject().equals(grant.subject())) {
                        List<Permission> all = new ArrayList<>(RbacPermissions.RISKY);
                        ImpliedPermissions.where(p -> true).permissions().forEach(all::add);
                        all.stream().filter(p -> !granting(graph, p, wider.role(), wider.scope()).isEmpty())
                                .forEach(out::add);
                    }
                }
            }
            return out;
        }

        static int answeredGrants(final RbacGraph graph) {
            Map<String, Set<Permission>> implied = implied(graph);
            return (int) graph.grants().stream().filter(g -> !answered(graph, implied, g).isEmpty()).count();
        }

        static List<Finding> permissions(final Check check, final CheckContext context,
                final List<Permission> permissions) {
            RbacGraph graph = RbacFindings.graph(context);
            boolean everything = permissions.contains(RbacPermissions.FULL_ADMIN);
            List<Finding> out = new ArrayList<>(roleFindings(check, graph, permissions));
            Map<String, Set<Permission>> implied = implied(graph);
            for (Grant grant : graph.grants()) {
                if (graph.isPlatform(grant.binding())) {
                    continue;
                }
                Set<Permission> answered = answered(graph, implied, grant);
                List<Permission> held = permissions.stream().filter(p -> !answered.contains(p))
                        .filter(p -> !granting(graph, p, grant.role(), grant.scope()).isEmpty()).toList();
                if (!held.isEmpty()) {
                    PolicyRule first = granting(graph, held.get(0), grant.role(), grant.scope()).get(0);
                    Finding finding = RbacFindings.onSubject(check, grant,
                            RbacFindings.severityOf(held, grant.scope()), grant.subject().display() + " can "
                                    + RbacFindings.labels(held) + " " + grant.scopeText() + " through " + grant.via(),
                            RbacFindings.labels(held), first, context);
                    out.add(everything ? impliedBy(graph, grant.role(), grant.scope()).on(finding) : finding);
                }
            }
            return out;
        }

        static ImpliedPermissions impliedBy(final RbacGraph graph, final RbacRole role, final String scope) {
            return ImpliedPermissions.where(p -> !granting(graph, p, role, scope).isEmpty());
        }

        static List<Finding> roleFindings(final Check check, final RbacGraph graph,
                final List<Permission> permissions) {
            List<Finding> out = new ArrayList<>();
            boolean everything = permissions.contains(RbacPermissions.FULL_ADMIN);
            for (RbacRole role : graph.roles()) {
                if (io.k8sgate.core.rbac.PlatformObjects.isPlatformRole(role)) {
                    continue;
                }
                List<RbacBinding> refs = bindingsOf(graph, role);
                String scope = scopeOf(role, refs);
                List<PolicyRule> rules = graph.rulesOf(role);
                if (!everything && !RbacPermissions.FULL_ADMIN.grantedBy(rules, scope).isEmpty()) {
                    continue;
                }
                boolean boundClusterWide = refs.stream().anyMatch(RbacBinding::isClusterWide);
                String raiseScope = boundClusterWide || RbacPermissions.KUBE_SYSTEM.equals(role.namespace()) ? scope
                        : "";
                if (role.isAggregated()) {
                    List<Permission> held = permissions.stream().filter(p -> !p.grantedBy(rules, scope).isEmpty())
                            .filter(p -> everything || rules.stream().noneMatch(r -> ImpliedPermissions.isWildcard(r)
                                    && !p.grantedBy(List.of(r), scope).isEmpty())).toList();
                    if (!held.isEmpty()) {
                        Set<String> from = new LinkedHashSet<>();
                        held.forEach(p -> p.grantedBy(rules, scope)
                                .forEach(r -> from.add(graph.ownerOf(r).display())));
                        out.add(RbacFindings.onRole(check, graph, role, role.aggregationRule(),
                                RbacFindings.severityOf(held, raiseScope), role.display() + " can "
                                        + RbacFindings.labels(held) + " through aggregation of "
                                        + String.join(", ", from), RbacFindings.labels(held))
                                .withProperty(RbacFindings.AGGREGATED_FROM, String.join(", ", from)));
                    }
                    continue;
                }
                Map<PolicyRule, List<Permission>> byRule = new LinkedHashMap<>();
                for (Permission p : permissions) {
                    List<PolicyRule> granting = p.grantedBy(rules, scope);
                    boolean byWildcard = rules.stream().anyMatch(r -> ImpliedPermissions.isWildcard(r)
                            && !p.grantedBy(List.of(r), scope).isEmpty());
                    if (granting.isEmpty() || (!everything && byWildcard)) {
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
                    Finding finding = RbacFindings.onRole(check, graph, role, rule.node(),
                            RbacFindings.severityOf(held, raiseScope), role.display() + " grants "
                                    + RbacFindings.labels(held) + ": " + rule.describe(), RbacFindings.labels(held));
                    out.add(everything ? impliedBy(graph, role, scope).on(finding) : finding);
                });
            }
            return out;
        }
    }

    @Test
    void shouldGenerateInputsWithEveryKindOfGrant() {
        RbacGraph graph = RbacFindings.graph(context(3));
        assertThat(graph.grants().stream().map(Grant::isClusterWide).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(true, false);
        assertThat(graph.roles()).anyMatch(RbacRole::isAggregated);
        assertThat(graph.unresolvedBindings()).isNotEmpty();
    }
}
