package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPathCheckTest extends AbstractCheckTest {
    private static final String FIXTURES = "checks/K8S-RBAC-019/violating/";

    @Override
    protected Check check() {
        return new EscalationPathCheck();
    }

    private List<Finding> run(final String file) {
        return findings(file, Fixtures.read(FIXTURES + file), CheckSettings.DEFAULT);
    }

    @Test
    void shouldReportPodCreationThenTheServiceAccountsSecretsAsTwoSteps() {
        assertThat(run("pod-create-to-secrets.yaml")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.resource().display()).isEqualTo("RoleBinding/build/ci-bot-pods");
            assertThat(f.fieldPath()).isEqualTo("subjects[0]");
            assertThat(f.properties()).containsEntry("subject", "User ci-bot")
                    .containsEntry("permission", "read secrets cluster-wide")
                    .containsEntry("binding", "RoleBinding/build/ci-bot-pods")
                    .containsEntry("role", "Role/build/pod-creator")
                    .containsEntry("path.1", "create a pod in namespace build that runs as ServiceAccount "
                            + "build/packager (RoleBinding/build/ci-bot-pods -> Role/build/pod-creator)")
                    .containsEntry("path.2", "ServiceAccount build/packager can read secrets cluster-wide "
                            + "(ClusterRoleBinding/packager-secrets -> ClusterRole/secret-reader)")
                    .doesNotContainKey("path.3");
            assertThat(f.message()).contains("in 2 steps");
        });
    }

    @Test
    void shouldFollowTokenAndImpersonationStepsToTheMostSevereGoal() {
        List<Finding> found = run("token-then-impersonate.yaml");

        assertThat(found).extracting(f -> f.properties().get("subject")).containsExactly("Group helpdesk",
                "ServiceAccount ops/minion");
        assertThat(found.get(0).properties()).containsEntry("path.1",
                        "request a token of ServiceAccount ops/minion (RoleBinding/ops/helpdesk-tokens -> "
                                + "Role/ops/token-for-minion)")
                .containsEntry("path.2", "impersonate ServiceAccount ops/boss (RoleBinding/ops/minion-impersonates "
                        + "-> Role/ops/impersonate-sas)")
                .containsEntry("path.3", "ServiceAccount ops/boss can bind any role (grant any permission) "
                        + "cluster-wide (ClusterRoleBinding/boss-binds -> ClusterRole/binder)");
        assertThat(found.get(1).properties()).containsKeys("path.1", "path.2").doesNotContainKey("path.3");
    }

    @Test
    void shouldNotStepToServiceAccountsThatANamedTokenRuleLeavesOut() {
        RbacGraph graph = RbacGraphTest.graph(FIXTURES + "token-then-impersonate.yaml");

        assertThat(EscalationPaths.find(graph)).allSatisfy(p -> assertThat(p.describe())
                .doesNotContain("request a token of ServiceAccount ops/boss"));
    }

    @Test
    void shouldImpersonateOnlyTheNamedUsersAndGroups() {
        List<EscalationPaths.Path> paths = EscalationPaths.find(RbacGraphTest.graph("rbac/impersonation.yaml"));

        assertThat(paths).extracting(p -> p.start().display() + ": " + p.describe()).containsExactly(
                "User alice: 1. impersonate Group system:masters (ClusterRoleBinding/alice-impersonates-masters -> "
                        + "ClusterRole/impersonate-masters) -> 2. act as group system:masters, which bypasses RBAC "
                        + "(built-in superuser group)",
                "User helpdesk: 1. impersonate User alice (ClusterRoleBinding/helpdesk-impersonates-alice -> "
                        + "ClusterRole/impersonate-alice) -> 2. impersonate Group system:masters "
                        + "(ClusterRoleBinding/alice-impersonates-masters -> ClusterRole/impersonate-masters) -> "
                        + "3. act as group system:masters, which bypasses RBAC (built-in superuser group)");
    }

    @Test
    void shouldStepThroughALongLivedTokenSecretWithoutReadingItsData() {
        assertThat(run("token-secret.yaml")).singleElement().satisfies(f -> assertThat(f.properties())
                .containsEntry("path.1", "read the token Secret Secret/legacy/old-admin-token of ServiceAccount "
                        + "legacy/old-admin (RoleBinding/legacy/auditors -> Role/legacy/secret-reader)")
                .containsEntry("permission", "bind any role (grant any permission) cluster-wide"));
    }
}
