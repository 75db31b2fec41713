package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactionTest {
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

    @Test
    void shouldRedactCredentialsByValueInEveryPlaceOfAnObjectIssue16() {
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "api", "namespace", "shop", "annotations",
                        Map.of("backup.example.com/db-password", "fixture-annotated", "team", "storefront")),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(Map.of("name", "api",
                        "image", "api:1.0",
                        "args", List.of("--db-password=fixture-db", "--token", "fixture-token", "--log=debug"),
                        "env", List.of(Map.of("name", "FOO", "value", "ghp_K8sGateFixtureTokenNotReal0123456789")),
                        "readinessProbe", Map.of("httpGet", Map.of("httpHeaders", List.of(Map.of("name",
                                "Authorization", "value", "Bearer K8sGateFixture0123456789abcdefXYZ"))))))))));

        String redacted = SecretRedaction.redact(deployment, secret -> "(redacted " + secret.length() + ")")
                .toString();

        assertThat(redacted).doesNotContain("fixture-", "K8sGateFixture").contains("name=api", "namespace=shop",
                "backup.example.com/db-password=(redacted 17)", "team=storefront", "--db-password=(redacted 10)",
                "--token, (redacted 13)", "--log=debug", "value=(redacted 40)", "value=Bearer (redacted 33)");
        assertThat(SecretRedaction.find(deployment)).extracting(SecretRedaction.Found::kind)
                .containsExactlyInAnyOrder(
                "a password", "a password in the setting '--db-password'", "a credential",
                "a GitHub token (ghp_…)", "the credentials of an Authorization header");
    }

    @Test
    void shouldDigestEveryValueOfASecretAndPasswordsInConfigMapsButKeepTheIdentity() {
        Map<String, Object> secret = Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "token", "namespace", "shop"),
                "data", Map.of("anything", "c3VwZXItc2VjcmV0", "empty", ""), "stringData", Map.of("pin", 1234L));
        Map<String, Object> configMap = Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "password"), "data", Map.of("password", "fixture-cm", "mode", "fast",
                        "app.env", "REDIS_PASSWORD=fixture-redis\nLOG=info"));

        assertThat(SecretRedaction.redact(secret)).isEqualTo(Map.of("apiVersion", "v1", "kind", "Secret",
                "metadata", Map.of("name", "token", "namespace", "shop"),
                "data", Map.of("anything", SecretRedaction.REDACTED, "empty", ""),
                "stringData", Map.of("pin", SecretRedaction.REDACTED)));
        assertThat(SecretRedaction.redact(configMap)).isEqualTo(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "password"), "data", Map.of("password", SecretRedaction.REDACTED,
                        "mode", "fast", "app.env", "REDIS_PASSWORD=(redacted)\nLOG=info")));
    }

    @Test
    void shouldLeaveValuesThatWereRedactedBeforeAsTheyAre() {
        Map<String, Object> exported = Map.of("kind", "Secret", "metadata", Map.of("name", "s"),
                "data", Map.of("k", "(redacted hmac:0123abcd:0123456789abcdef0123456789abcdef)"),
                "spec", Map.of("password", "(redacted hmac:0123abcd:0123456789abcdef0123456789abcdef)"));

        assertThat(SecretRedaction.redact(exported, v -> "twice")).isEqualTo(exported);
    }

    @Test
    void shouldPointAtTheFieldsThatHoldCredentials() {
        List<Diagnostic> problems = new ArrayList<>();
        K8sObject object = new ManifestLoader().parse("cm.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cm}
                data:
                  token: fixture-token-1
                  deploy.sh: |
                    curl -u ci:fixture-pw@x https://ci:fixture-pw@ci.example.com/
                    echo ghp_K8sGateFixtureTokenNotReal0123456789
                """, problems::add).get(0);
        YamlNode data = object.root().get("data");

        List<SecretRedaction.Field> fields = SecretRedaction.fields("data", data);

        assertThat(problems).isEmpty();
        assertThat(fields).extracting(f -> f.pathFrom(data), SecretRedaction.Field::describe).containsExactly(
                org.assertj.core.groups.Tuple.tuple("token", "a credential"),
                org.assertj.core.groups.Tuple.tuple("[\"deploy.sh\"]",
                        "a password in a URL and a GitHub token (ghp_…)"));
        assertThat(fields.get(0).node().location().line()).isEqualTo(5);
    }
}
