package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
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

    private static List<String> steps(final Finding f) {
        return List.of(f.properties().get(FindingProperties.ESCALATION_PATH).split(FindingProperties.PATH_STEP));
    }

    @Test
    void shouldReportPodCreationThenTheServiceAccountsSecretsAsTwoSteps() {
        assertThat(run("pod-create-to-secrets.yaml")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.resource().display()).isEqualTo("RoleBinding/build/ci-bot-pods");
            assertThat(f.fieldPath()).isEqualTo("subjects[0]");
            assertThat(f.properties()).containsEntry("subject", "User/ci-bot")
                    .containsEntry("permission", "read secrets cluster-wide")
                    .containsEntry("binding", "RoleBinding/build/ci-bot-pods")
                    .containsEntry("role", "Role/build/pod-creator");
            assertThat(steps(f)).containsExactly(
                    "create a pod in namespace build that runs as ServiceAccount/build/packager "
                            + "(RoleBinding/build/ci-bot-pods \u2192 Role/build/pod-creator)",
                    "ServiceAccount/build/packager can read secrets cluster-wide "
                            + "(ClusterRoleBinding/packager-secrets \u2192 ClusterRole/secret-reader)");
            assertThat(f.message()).contains("in 2 steps: 1. create a pod", "; 2. ServiceAccount/build/packager");
        });
    }

    @Test
    void shouldFollowTokenAndImpersonationStepsToTheMostSevereGoal() {
        List<Finding> found = run("token-then-impersonate.yaml");

        assertThat(found).extracting(f -> f.properties().get("subject")).containsExactly("Group/helpdesk",
                "ServiceAccount/ops/minion");
        assertThat(steps(found.get(0))).containsExactly(
                "request a token of ServiceAccount/ops/minion (RoleBinding/ops/helpdesk-tokens \u2192 "
                        + "Role/ops/token-for-minion)",
                "impersonate ServiceAccount/ops/boss (RoleBinding/ops/minion-impersonates \u2192 "
                        + "Role/ops/impersonate-sas)",
                "ServiceAccount/ops/boss can bind any role (grant any permission) cluster-wide "
                        + "(ClusterRoleBinding/boss-binds \u2192 ClusterRole/binder)");
        assertThat(steps(found.get(1))).hasSize(2);
    }

    @Test
    void shouldStepThroughALongLivedTokenSecretWithoutReadingItsData() {
        assertThat(run("token-secret.yaml")).singleElement().satisfies(f -> {
            assertThat(steps(f).get(0)).isEqualTo("read the token Secret Secret/legacy/old-admin-token of "
                    + "ServiceAccount/legacy/old-admin (RoleBinding/legacy/auditors \u2192 Role/legacy/secret-reader)");
            assertThat(f.properties()).containsEntry("permission", "bind any role (grant any permission) cluster-wide");
        });
    }

    @Test
    void shouldExecOnlyIntoPodsThatMountTheirToken() {
        assertThat(run("exec-into-token.yaml")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(steps(f)).containsExactly(
                    "exec into Deployment/shop/payments and use the token of ServiceAccount/shop/payments "
                            + "(RoleBinding/shop/support-debug \u2192 Role/shop/debugger)",
                    "ServiceAccount/shop/payments can read secrets cluster-wide "
                            + "(ClusterRoleBinding/payments-secrets \u2192 ClusterRole/secret-reader)");
        });
    }
}
