package io.k8sgate.core.check.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
                        .endsWith("holds a literal value (not shown); it is a URL with an embedded password")
                        .doesNotContain("hunter2"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"PASSWORD,true", "db.password,true", "OAuthClientSecret,true", "apiKey,true", "API-KEY,true",
        "PRIVATEKEY,true", "X_ACCESS_KEY,true", "GIT_CREDENTIALS,true", "SSH_PASSPHRASE,true", "DB_PASS,true", "JWT_SIGNING_KEY,true", "PASSTHROUGH,false",
        "PASSWORD_FILE,false", "TOKEN_PATH,false", "SECRET_NAME,false", "TOKEN_URL,false", "PWD,false",
        "KEYCLOAK_REALM,false", "TOKEN_TTL,false", "AWS_ACCESS_KEY_ID,false"})
    void shouldRecogniseCredentialNames(final String name, final boolean credential) {
        assertThat(SecretInEnvCheck.looksLikeCredential(name)).isEqualTo(credential);
    }
}
