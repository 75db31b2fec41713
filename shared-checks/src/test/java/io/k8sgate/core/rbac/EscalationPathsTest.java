package io.k8sgate.core.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escalation paths over the RBAC graph, without the check that reports them. */
class EscalationPathsTest {
    @Test
    void shouldNotStepToServiceAccountsThatANamedTokenRuleLeavesOut() {
        RbacGraph graph = RbacGraphTest.graph("checks/K8S-RBAC-019/violating/token-then-impersonate.yaml");

        assertThat(EscalationPaths.find(graph)).allSatisfy(p -> assertThat(p.describe())
                .doesNotContain("request a token of ServiceAccount/ops/boss"));
    }

    @Test
    void shouldImpersonateOnlyTheNamedUsersAndGroups() {
        List<EscalationPaths.Path> paths = EscalationPaths.find(RbacGraphTest.graph("rbac/impersonation.yaml"));

        assertThat(paths).extracting(p -> p.start().display() + ": " + p.describe()).containsExactly(
                "User/alice: 1. impersonate Group/system:masters (ClusterRoleBinding/alice-impersonates-masters "
                        + "\u2192 ClusterRole/impersonate-masters); 2. act as group system:masters, which bypasses "
                        + "RBAC (built-in superuser group)",
                "User/helpdesk: 1. impersonate User/alice (ClusterRoleBinding/helpdesk-impersonates-alice \u2192 "
                        + "ClusterRole/impersonate-alice); 2. impersonate Group/system:masters "
                        + "(ClusterRoleBinding/alice-impersonates-masters \u2192 ClusterRole/impersonate-masters); "
                        + "3. act as group system:masters, which bypasses RBAC (built-in superuser group)");
    }

    @Test
    void shouldGiveEveryOneOfManyExecCapableUsersItsPathThroughTheFirstMountedToken() {
        int users = 300;
        StringBuilder y = new StringBuilder("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: debugger}
                rules: [{apiGroups: [""], resources: [pods/exec], verbs: [create]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: secret-reader}
                rules: [{apiGroups: [""], resources: [secrets], verbs: [get]}]
                """);
        for (int i = 0; i < users; i++) {
            y.append("""
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: ClusterRoleBinding
                    metadata: {name: debug-%1$d}
                    subjects: [{kind: User, name: dev-%1$d}]
                    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: debugger}
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: app-%1$d, namespace: ns-%2$d}
                    spec:
                      template:
                        spec:
                          serviceAccountName: app-%1$d
                          automountServiceAccountToken: %3$s
                          containers: [{name: main, image: "registry.example.com/app:1.0"}]
                    ---
                    apiVersion: rbac.authorization.k8s.io/v1
                    kind: RoleBinding
                    metadata: {name: read-%1$d, namespace: ns-%2$d}
                    subjects: [{kind: ServiceAccount, name: app-%1$d}]
                    roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: secret-reader}
                    """.formatted(i, i % 15, i < 7 ? "false" : "true"));
        }
        RbacGraph graph = RbacGraph.of(new ManifestLoader().parse("many.yaml", y.toString(), d -> { }));

        List<EscalationPaths.Path> paths = EscalationPaths.find(graph);

        // app-0 to app-6 do not mount their tokens: app-7 in ns-7 is the first pod whose token exec yields
        assertThat(paths).hasSize(users).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(Severity.HIGH);
            assertThat(p.goal()).isEqualTo("read secrets in namespace ns-7");
            assertThat(p.describe()).startsWith("1. exec into Deployment/ns-7/app-7 and use the token of "
                    + "ServiceAccount/ns-7/app-7 (ClusterRoleBinding/debug-").contains("2. ServiceAccount/ns-7/app-7 "
                    + "can read secrets in namespace ns-7 (RoleBinding/ns-7/read-7");
        });
    }
}
