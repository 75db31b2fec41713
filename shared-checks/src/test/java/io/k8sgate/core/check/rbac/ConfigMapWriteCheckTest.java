package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.Severity;
import io.k8sgate.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class ConfigMapWriteCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ConfigMapWriteCheck();
    }

    @Test
    void shouldBeOptionalAndRaisedInKubeSystem() {
        assertThat(check().metadata().enabledByDefault()).isFalse();
        assertThat(findings("aws-auth.yaml", Fixtures.read("checks/K8S-RBAC-024/violating/aws-auth.yaml"),
                CheckSettings.DEFAULT)).extracting(Finding::severity)
                .containsExactly(Severity.MEDIUM, Severity.LOW, Severity.MEDIUM);
    }
}
