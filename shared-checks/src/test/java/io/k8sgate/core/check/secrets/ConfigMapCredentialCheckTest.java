package io.k8sgate.core.check.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.check.AbstractCheckTest;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.model.Finding;
import io.k8sgate.fixtures.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigMapCredentialCheckTest extends AbstractCheckTest {
    @Override
    protected Check check() {
        return new ConfigMapCredentialCheck();
    }

    @Test
    void shouldNameTheKeyAndTheSettingButNeverTheValue() {
        List<Finding> found = findings(Fixtures.read("checks/K8S-SEC-001/violating/credentials.yaml"));

        assertThat(found).extracting(Finding::message).contains(
                "ConfigMap 'app-config' holds a password in data password (not shown)",
                "ConfigMap 'app-config' holds a password in the setting 'REDIS_PASSWORD' in data [\"redis.env\"] "
                        + "(not shown)",
                "ConfigMap 'app-config' holds a credential in the setting 'client_secret' in data [\"oauth.json\"] "
                        + "(not shown)",
                "ConfigMap 'signing' holds a private key (RSA) in data [\"signing.pem\"] "
                        + "(not shown)");
        assertThat(found).allSatisfy(f -> assertThat(f.toString()).doesNotContain("fixture-", "fixture1234",
                "K8sGateFixture", "MIIEowIBAAKCAQEA"));
    }

    @Test
    void shouldAgreeWithTrivyOnItsOwnExamples() {
        assertThat(findings("""
                apiVersion: v1
                data:
                    password: supersecret
                kind: ConfigMap
                metadata:
                    name: test
                ---
                apiVersion: v1
                data:
                    config: REDIS_PASSWORD=abcd1234
                kind: ConfigMap
                metadata:
                    name: test2
                ---
                apiVersion: v1
                data:
                    env: REDIS_PASSWORD=${REDIS_PASSWORD}
                kind: ConfigMap
                metadata:
                    name: test3
                """)).extracting(f -> f.resource().name()).containsExactly("test", "test2");
    }
}
