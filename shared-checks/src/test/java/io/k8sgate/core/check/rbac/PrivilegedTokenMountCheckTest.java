package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegedTokenMountCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new PrivilegedTokenMountCheck();
    }

    @Test
    void shouldNameWorkloadServiceAccountPermissionBindingAndRole() {
        List<Finding> found = findings("powerful-token.yaml",
                Fixtures.read("checks/K8S-RBAC-018/violating/powerful-token.yaml"), CheckSettings.DEFAULT);

        assertThat(found).filteredOn(f -> f.resource().name().equals("pipeline")).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.template.spec.serviceAccountName");
            assertThat(f.properties()).containsEntry("workload", "Deployment/ci/pipeline")
                    .containsEntry("subject", "ServiceAccount/ci/deployer")
                    .containsEntry("binding", "RoleBinding/ci/deployer-edit")
                    .containsEntry("role", "ClusterRole/edit (built-in)");
            assertThat(f.properties().get("permission")).contains("create pods", "read secrets");
        });
        assertThat(found).filteredOn(f -> f.resource().name().equals("helper")).singleElement().satisfies(f -> {
            assertThat(f.fieldPath()).isEqualTo("spec.serviceAccountName");
            assertThat(f.properties()).containsEntry("subject", "ServiceAccount/ci/default")
                    .containsEntry("binding", "RoleBinding/ci/all-sa-secrets");
        });
    }
}
