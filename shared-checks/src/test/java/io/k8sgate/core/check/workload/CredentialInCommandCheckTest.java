package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialInCommandCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new CredentialInCommandCheck();
    }

    @Test
    void shouldNameTheContainerAndTheArgumentButNeverTheValue() {
        List<Finding> found = findings(Fixtures.read("checks/K8S-WL-064/violating/arguments.yaml"));

        assertThat(found).extracting(Finding::message).contains(
                "Container 'migrate' has a password in the setting '--db-password' in args[1] (not shown)",
                "Container 'api' has a credential in command[2] (not shown)",
                "Container 'api' has a GitHub token (ghp_…) in lifecycle.preStop.exec.command[2] (not shown)");
        assertThat(found).filteredOn(f -> f.container().equals("api")).extracting(Finding::fieldPath)
                .contains("spec.template.spec.containers[0].readinessProbe.httpGet.httpHeaders[0].value");
        assertThat(found).allSatisfy(f -> assertThat(f.toString()).doesNotContain("fixture-", "K8sGateFixture"));
    }

    @Test
    void shouldLeaveTheEnvironmentToTheEnvCheck() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      env:
                        - {name: DB_PASSWORD, value: hunter2}
                """)).isEmpty();
    }
}
