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

class ClusterAdminGrantCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ClusterAdminGrantCheck();
    }

    @Test
    void shouldBeCriticalClusterWideAndHighInsideOneNamespace() {
        List<Finding> found = findings("wildcard-role-in-namespace.yaml",
                Fixtures.read("checks/K8S-RBAC-001/violating/wildcard-role-in-namespace.yaml"), CheckSettings.DEFAULT);

        assertThat(found).filteredOn(f -> f.resource().kind().equals("RoleBinding")).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        assertThat(findings("cluster-admin-binding.yaml",
                Fixtures.read("checks/K8S-RBAC-001/violating/cluster-admin-binding.yaml"), CheckSettings.DEFAULT))
                .extracting(Finding::severity).containsOnly(Severity.CRITICAL);
    }

    @Test
    void shouldNameWhatDoingEverythingImpliesSoTheNarrowerChecksNeedNotRepeatIt() {
        String yaml = Fixtures.read("checks/K8S-RBAC-007/compliant/everything-reported-once.yaml");

        assertThat(findings("everything.yaml", yaml, CheckSettings.DEFAULT))
                .filteredOn(f -> f.properties().containsKey(RbacFindings.SUBJECT))
                .extracting(f -> f.properties().get(RbacFindings.SUBJECT))
                .containsExactly("Group/ops", "ServiceAccount/ci/deployer");
        assertThat(findings("everything.yaml", yaml, CheckSettings.DEFAULT)).allSatisfy(f -> assertThat(
                f.properties().get(RbacFindings.IMPLIES)).contains("read secrets", "create pods",
                "impersonate users or groups"));
        assertThat(new SecretsAccessCheck().evaluate(io.k8sgate.core.check.CheckContext.of(
                new io.k8sgate.core.input.ManifestLoader().parse("everything.yaml", yaml, d -> { }),
                CheckSettings.DEFAULT))).isEmpty();
    }
}
