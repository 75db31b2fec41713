package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.SecretRedaction;
import io.k8sgate.core.model.ResourceRef;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class ResourceNormaliserTest {
    private static final String DIGEST = "\\(redacted hmac:[0-9a-f]{8}:[0-9a-f]{32}\\)";

    private static BaselineResource resource(final Snapshot snapshot, final String kind, final String name) {
        return snapshot.resources().stream().filter(r -> r.ref().equals(new ResourceRef(kind, "shop", name)))
                .findFirst().orElseThrow();
    }

    @Test
    void shouldDropServerPopulatedFieldsAndTheLastAppliedAnnotation() {
        BaselineResource web = resource(BaselineFixtures.app("v1"), "Deployment", "web");

        assertThat(web.content()).doesNotContainKey("status");
        @SuppressWarnings("unchecked") // the normaliser returns maps for mappings
        Map<String, Object> metadata = (Map<String, Object>) web.content().get("metadata");
        assertThat(metadata).containsOnlyKeys("annotations", "labels", "name", "namespace");
        assertThat(metadata.get("annotations")).isEqualTo(Map.of("team", "storefront"));
    }

    @Test
    void shouldRemoveSecretValuesButKeepTheirKeys() {
        BaselineResource secret = resource(BaselineFixtures.app("v1"), "Secret", "web-credentials");

        assertThat(secret.content().get("data")).asInstanceOf(InstanceOfAssertFactories.map(String.class,
                String.class)).containsOnlyKeys("token").extractingByKey("token").asString().matches(DIGEST);
        assertThat(secret.content().get("stringData")).asInstanceOf(InstanceOfAssertFactories.map(String.class,
                String.class)).containsOnlyKeys("password").extractingByKey("password").asString().matches(DIGEST);
        assertThat(secret.content().get("type")).isEqualTo("Opaque");
    }

    @Test
    void shouldRemoveCredentialLookingEnvValuesOnly() {
        String text = resource(BaselineFixtures.app("v1"), "Deployment", "web").content().toString();

        assertThat(text).doesNotContain("hunter2").contains("LOG_LEVEL", "value=info", "DB_PASSWORD",
                "value=" + SecretRedaction.MARKER_PREFIX + " hmac:", "secretKeyRef");
    }

    @Test
    void shouldNeverWriteASecretValueIntoABaselineFile() {
        Baseline baseline = Baseline.create(1, BaselineFixtures.provenance("b1"), BaselineFixtures.app("v1"));

        String file = new String(BaselineCodec.write(baseline), StandardCharsets.UTF_8);

        assertThat(file).doesNotContain("hunter2", "c3VwZXItc2VjcmV0LXRva2Vu", "super-secret",
                "correct-horse-battery-staple").contains("DB_PASSWORD", "token", "password");
    }

    @Test
    void shouldMakeTheSameObjectFromYamlAndFromJsonNumbers() {
        Map<String, Object> fromYaml = ResourceNormaliser.normalise(Map.of("kind", "Service", "spec",
                Map.of("ports", List.of(Map.of("port", 80L)))));
        Map<String, Object> fromJson = ResourceNormaliser.normalise(Map.of("kind", "Service", "spec",
                Map.of("ports", List.of(Map.of("port", 80))), "status", Map.of("loadBalancer", Map.of())));

        assertThat(fromJson).isEqualTo(fromYaml);
    }

    @Test
    void shouldDropExplicitNullsLikeKubernetesDoes() {
        Map<String, Object> spec = new java.util.HashMap<>();
        spec.put("replicas", null);
        spec.put("paused", false);

        assertThat(ResourceNormaliser.normalise(Map.of("kind", "Deployment", "spec", spec)))
                .isEqualTo(Map.of("kind", "Deployment", "spec", Map.of("paused", false)));
    }
}
