package io.k8sgate.core.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.Workload;
import io.k8sgate.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbacGraphTest {
    private static final RbacSubject ROOT = RbacSubject.user("root-ish");
    private static final RbacSubject APP = RbacSubject.serviceAccount("shop", "app");

    static RbacGraph graph(final String fixture) {
        List<String> problems = new ArrayList<>();
        List<K8sObject> objects = new ManifestLoader().parse(fixture, Fixtures.read(fixture),
                d -> problems.add(d.toString()));
        assertThat(problems).isEmpty();
        return RbacGraph.of(objects);
    }

    private static List<String> ruleResources(final RbacGraph graph, final String role) {
        return graph.rulesOf(graph.role(role).orElseThrow()).stream().flatMap(r -> r.resources().stream())
                .sorted().toList();
    }

    @Test
    void shouldUnionTheRulesOfTheSelectedRolesWithMatchLabelsAndMatchExpressions() {
        RbacGraph graph = graph("rbac/aggregation.yaml");

        assertThat(ruleResources(graph, "ClusterRole/monitoring")).containsExactly("nodes", "pods", "pods/log");
    }

    @Test
    void shouldFollowAggregationTransitively() {
        RbacGraph graph = graph("rbac/aggregation.yaml");

        assertThat(ruleResources(graph, "ClusterRole/observability")).containsExactly("nodes", "pods", "pods/log");
        assertThat(graph.ownerOf(graph.rulesOf(graph.role("ClusterRole/observability").orElseThrow()).get(0))
                .name()).isEqualTo("metrics-reader");
    }

    @Test
    void shouldSelectEveryClusterRoleWithAnEmptySelector() {
        RbacGraph graph = graph("rbac/aggregation.yaml");

        List<PolicyRule> rules = graph.rulesOf(graph.role("ClusterRole/everything").orElseThrow());
        assertThat(rules).anyMatch(PolicyRule::isFullWildcard);
        assertThat(RbacPermissions.riskyIn(rules, RbacBinding.CLUSTER_WIDE)).contains(RbacPermissions.FULL_ADMIN);
    }

    @Test
    void shouldExtendTheDefaultViewRoleThroughItsAggregationLabel() {
        RbacGraph graph = graph("rbac/aggregation.yaml");

        assertThat(ruleResources(graph, "ClusterRole/view")).contains("widgets", "pods").doesNotContain("secrets");
        assertThat(ruleResources(graph, "ClusterRole/admin")).contains("widgets", "secrets", "rolebindings");
    }

    @Test
    void shouldLimitARoleBindingToAClusterRoleToItsNamespace() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allows(APP, "get", "", "secrets", "", "shop")).hasSize(1);
        assertThat(graph.allows(APP, "get", "", "secrets", "", "kube-system")).isEmpty();
        assertThat(graph.allows(ROOT, "get", "", "secrets", "", "kube-system")).hasSize(1);
    }

    @Test
    void shouldGiveNoClusterScopedResourceThroughARoleBindingButItsOwnNamespaceObject() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allows(APP, "get", "", "nodes", "node-1", "")).isEmpty();
        assertThat(graph.allows(ROOT, "get", "", "nodes", "node-1", "")).hasSize(1);
        assertThat(graph.allows(APP, "patch", "", "namespaces", "shop", "")).hasSize(1);
        assertThat(graph.allows(APP, "patch", "", "namespaces", "kube-system", "")).isEmpty();
    }

    @Test
    void shouldMatchWildcardsAndStarSubresourcesButNotResourceSlashStar() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allows(ROOT, "update", "apps", "deployments/scale", "web", "shop")).hasSize(1);
        assertThat(graph.allows(ROOT, "update", "apps", "deployments", "web", "shop")).isEmpty();
        assertThat(graph.allows(ROOT, "create", "", "pods/exec", "web", "shop")).isEmpty();
        assertThat(graph.allows(ROOT, "create", "", "pods/*", "web", "shop")).hasSize(1);
        assertThat(graph.allows(ROOT, "deletecollection", "example.com", "widgets", "", "shop")).hasSize(1);
        assertThat(graph.allows(ROOT, "get", "example.com", "gadgets", "", "shop")).isEmpty();
    }

    @Test
    void shouldTreatResourceNamesAsLiteralNamesThatNeverCoverCollections() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allows(ROOT, "get", "", "configmaps", "app-config", "shop")).hasSize(1);
        assertThat(graph.allows(ROOT, "get", "", "configmaps", "other", "shop")).isEmpty();
        assertThat(graph.allows(ROOT, "list", "", "configmaps", "", "shop")).isEmpty();
        assertThat(graph.allows(ROOT, "create", "", "configmaps", "app-config", "shop")).isEmpty();
        assertThat(graph.allows(ROOT, "create", "", "pods/exec", "debug-pod", "shop")).hasSize(1);
        assertThat(RbacPermissions.POD_EXEC.grantedBy(graph.rulesOf(graph.role("ClusterRole/mixed").orElseThrow()),
                RbacBinding.CLUSTER_WIDE)).isEmpty();
    }

    @Test
    void shouldGrantNonResourceUrlsOnlyThroughClusterRoleBindings() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allowsUrl(ROOT, "get", "/metrics")).hasSize(1);
        assertThat(graph.allowsUrl(ROOT, "get", "/healthz/etcd")).hasSize(1);
        assertThat(graph.allowsUrl(ROOT, "get", "/healthz")).isEmpty();
        assertThat(graph.allowsUrl(ROOT, "post", "/metrics")).isEmpty();
        assertThat(graph.allowsUrl(APP, "get", "/metrics")).isEmpty();
    }

    @Test
    void shouldResolveServiceAccountSubjectsAndTheirGroups() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allows(RbacSubject.serviceAccount("tools", "runner"), "get", "", "secrets", "", "shop"))
                .singleElement().satisfies(g -> assertThat(g.grant().binding().name()).isEqualTo("mixed-in-shop"));
        assertThat(graph.allows(RbacSubject.serviceAccount("qa", "tester"), "get", "", "secrets", "", "shop"))
                .hasSize(1);
        assertThat(graph.allows(RbacSubject.serviceAccount("dev", "tester"), "get", "", "secrets", "", "shop"))
                .isEmpty();
        assertThat(graph.allows(RbacSubject.user("anyone"), "get", "", "configmaps", "x", "docs")).hasSize(1);
        assertThat(graph.allows(RbacSubject.user(RbacSubject.ANONYMOUS), "get", "", "configmaps", "x", "docs"))
                .isEmpty();
    }

    @Test
    void shouldIndexPermissionsPerSubjectAndScope() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.permissionsOf(ROOT)).containsOnlyKeys("*", "docs");
        assertThat(graph.permissionsOf(APP)).as("system:authenticated holds the docs grant")
                .containsOnlyKeys("shop", "docs");
        assertThat(graph.permissionsOf(RbacSubject.serviceAccount("docs", "x"))).containsOnlyKeys("docs");
        assertThat(graph.effectivePermissionCounts().get(ROOT)).containsEntry("*", 7);
    }

    @Test
    void shouldLetThePodSettingOverrideTheServiceAccountsTokenAutomount() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.workloads()).extracting(w -> w.object().name() + "=" + graph.mountsToken(w))
                .containsExactly("quiet-pod=false", "loud-pod=true");
        assertThat(graph.workloads()).extracting(Workload::serviceAccountName).containsOnly("quiet");
    }

    @Test
    void shouldKnowTheServiceAccountsOfANamespace() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.serviceAccountsIn("shop")).extracting(RbacSubject::name)
                .containsExactlyInAnyOrder("app", "quiet", "default");
    }

    @Test
    void shouldResolveABindingToABootstrapRoleByNamespaceAndName() {
        RbacGraph graph = graph("checks/K8S-RBAC-025/compliant/defined-and-provided.yaml");
        RbacSubject adapter = RbacSubject.serviceAccount("monitoring", "custom-metrics-adapter");

        assertThat(graph.unresolvedBindings()).extracting(RbacBinding::roleKey)
                .containsExactly("ClusterRole/system:auth-delegator");
        assertThat(graph.role("Role/kube-system/extension-apiserver-authentication-reader")).get()
                .satisfies(role -> assertThat(role.builtIn()).isTrue());
        assertThat(graph.allows(adapter, "get", "", "configmaps", "extension-apiserver-authentication",
                "kube-system")).hasSize(1);
        assertThat(graph.allows(adapter, "get", "", "configmaps", "cluster-info", "kube-system")).isEmpty();
        assertThat(graph.allows(adapter, "get", "", "configmaps", "extension-apiserver-authentication",
                "monitoring")).isEmpty();
    }

    @Test
    void shouldKeepEachBootstrapRoleInItsOwnNamespace() {
        RbacGraph inKubeSystem = graph("checks/K8S-RBAC-007/violating/bootstrap-role.yaml");
        RbacGraph elsewhere = graph("checks/K8S-RBAC-025/violating/bootstrap-role-elsewhere.yaml");
        RbacSubject auditor = RbacSubject.serviceAccount("monitoring", "auditor");

        assertThat(inKubeSystem.allows(auditor, "list", "", "secrets", "", "kube-system")).hasSize(1);
        assertThat(inKubeSystem.role("Role/kube-public/system:controller:bootstrap-signer")).get()
                .satisfies(role -> assertThat(inKubeSystem.rulesOf(role)).noneMatch(r -> r.resources()
                        .contains("secrets")));
        assertThat(elsewhere.unresolvedBindings()).singleElement()
                .satisfies(b -> assertThat(b.roleKey()).isEqualTo(
                        "Role/monitoring/extension-apiserver-authentication-reader"));
    }

    @Test
    void shouldResolveNoRoleForARoleRefOutsideTheRbacGroup() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.allows(RbacSubject.user("mallory"), "get", "", "secrets", "", "shop")).isEmpty();
    }

    @Test
    void shouldListEveryKnownServiceAccountForAClusterWideScope() {
        RbacGraph graph = graph("rbac/semantics.yaml");

        assertThat(graph.serviceAccountsIn("*")).extracting(RbacSubject::display)
                .contains("ServiceAccount/shop/app", "ServiceAccount/tools/runner", "ServiceAccount/tools/default")
                .doesNotContain("ServiceAccount/docs/default");
    }
}
