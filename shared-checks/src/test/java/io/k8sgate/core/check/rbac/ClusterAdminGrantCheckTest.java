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
}
