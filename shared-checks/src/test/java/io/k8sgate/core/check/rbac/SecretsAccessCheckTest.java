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

class SecretsAccessCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new SecretsAccessCheck();
    }

    private List<Finding> fixture(final String file) {
        return findings(file, Fixtures.read("checks/K8S-RBAC-007/violating/" + file), CheckSettings.DEFAULT);
    }

    @Test
    void shouldRaiseSeverityWhenTheGrantIsClusterWide() {
        List<Finding> found = fixture("secrets.yaml");

        assertThat(found).filteredOn(f -> f.resource().kind().equals("ClusterRoleBinding")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.fieldPath()).isEqualTo("subjects[0]");
                    assertThat(f.properties()).containsEntry("subject", "ServiceAccount/ops/backup")
                            .containsEntry("permission", "read secrets")
                            .containsEntry("binding", "ClusterRoleBinding/secret-readers")
                            .containsEntry("role", "ClusterRole/secret-reader")
                            .containsEntry("scope", "cluster-wide")
                            .containsEntry("rule", "ClusterRole/secret-reader at secrets.yaml:6");
                });
        assertThat(found).filteredOn(f -> f.resource().kind().equals("RoleBinding")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.properties()).containsEntry("scope", "shop");
                    assertThat(f.message()).isEqualTo("User/erin can read secrets in namespace shop through "
                            + "RoleBinding/shop/local-secret-readers \u2192 ClusterRole/secret-reader");
                });
    }

    @Test
    void shouldRaiseSeverityForRolesInKubeSystem() {
        assertThat(fixture("wildcard-and-patch.yaml")).extracting(Finding::severity)
                .containsOnly(Severity.CRITICAL);
    }
}
