package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"DB_PASSWORD", "apiKey", "GITHUB_TOKEN", "aws-secret-access-key", "client.secret",
        "PRIVATE_KEY", "DB_PASS", "JWT_SIGNING_KEY", "db_passwd"})
    void shouldRecogniseCredentialLookingNames(final String name) {
        assertThat(SecretRedaction.isSecretLookingName(name)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"LOG_LEVEL", "PORT", "JAVA_OPTS", "AUTHOR", "HOSTNAME", "FEATURE_FLAGS",
        "DB_PASSWORD_FILE", "TOKEN_URL", "OAUTH_CLIENT_ID", "PWD", "PASSTHROUGH"})
    void shouldLeaveOrdinaryNamesAlone(final String name) {
        assertThat(SecretRedaction.isSecretLookingName(name)).isFalse();
    }

    @Test
    void shouldRedactEnvValuesInAnyPodSpecButKeepReferences() {
        Map<String, Object> cronJob = Map.of("kind", "CronJob", "spec", Map.of("jobTemplate", Map.of("spec",
                Map.of("template", Map.of("spec", Map.of("initContainers", List.of(Map.of("name", "init", "env",
                        List.of(Map.of("name", "REDIS_PASSWORD", "value", "pw"),
                                Map.of("name", "MODE", "value", "batch"),
                                Map.of("name", "BROKER", "value", "amqp://app:hunter2@mq:5672/"),
                                Map.of("name", "CACHE", "value", "redis://:$(REDIS_PW)@cache:6379"),
                                Map.of("name", "TOKEN", "valueFrom", Map.of("secretKeyRef",
                                        Map.of("name", "s", "key", "k"))))))))))));

        Object redacted = SecretRedaction.redact(cronJob);

        assertThat(redacted.toString()).doesNotContain("=pw", "hunter2").contains("value=(redacted)", "value=batch",
                "secretKeyRef", "$(REDIS_PW)");
        assertThat(SecretRedaction.containsRedacted(redacted)).isTrue();
        assertThat(SecretRedaction.containsRedacted(Map.of("kind", "ConfigMap", "data", Map.of("a", "b"))))
                .isFalse();
    }
}
