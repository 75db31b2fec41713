package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretInEnvCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new SecretInEnvCheck();
    }

    @Test
    void shouldNeverRepeatTheValueInAnyField() {
        List<Finding> found = findings(Fixtures.read("checks/K8S-WL-062/violating/literal-credentials.yaml"));
        assertThat(found).hasSize(13).allSatisfy(f -> assertThat(f.toString()).doesNotContain("fixture-value")
                .doesNotContain("123456"));
    }

    @Test
    void shouldRecogniseCredentialsByValueUnderNeutralNamesAndShowOnlyTheirPublicPrefix() {
        List<Finding> found = findings(Fixtures.read("checks/K8S-WL-062/violating/by-value.yaml"));

        assertThat(found).extracting(Finding::message).anySatisfy(m -> assertThat(m).startsWith(
                "Environment variable 'FOO' of container 'worker' holds a GitHub token (ghp_…) as a literal value"))
                .anySatisfy(m -> assertThat(m).contains("'UPSTREAM_ID'", "an AWS access key id (AKIA…)"))
                .anySatisfy(m -> assertThat(m).contains("'TLS'", "a private key (EC)"))
                .anySatisfy(m -> assertThat(m).contains("'JAVA_OPTS'",
                        "a password in the setting '-Djavax.net.ssl.keyStorePassword'"));
        assertThat(found).allSatisfy(f -> assertThat(f.toString()).doesNotContain("K8sGateFixture",
                "FIXTUREEXAMPLE", "MHcCAQEE", "fixture-broker-pass", "fixture-store-pass", "c2lnbmF0dXJl"));
    }

    @Test
    void shouldNameTheVariableTheContainerAndTheRemedy() {
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
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("'DB_PASSWORD'").contains("'app'").contains("not shown");
                    assertThat(f.remediation()).contains("secretKeyRef");
                    assertThat(f.fieldPath()).isEqualTo("spec.containers[0].env[0].value");
                });
    }

    @Test
    void shouldReportPasswordsEmbeddedInUrlsWhateverTheName() {
        assertThat(findings("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: app
                      image: app:1
                      env:
                        - {name: BROKER, value: "amqp://app:hunter2@mq:5672/"}
                """)).singleElement().satisfies(f -> assertThat(f.message())
                        .endsWith("holds a password in a URL as a literal value (not shown)")
                        .doesNotContain("hunter2"));
    }
}
