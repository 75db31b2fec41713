package io.k8sgate.core.rbac;

import static org.assertj.core.api.Assertions.assertThat;

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
}
