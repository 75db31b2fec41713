package io.k8sgate.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.LoadResult;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.input.SecretRedaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestExportTest {
    @TempDir
    Path temp;

    @Test
    void shouldWriteManifestsThatLoadBackToTheSameConfiguration() throws Exception {
        Baseline baseline = Baseline.create(4, BaselineFixtures.provenance("b"), BaselineFixtures.app("v2"));

        ManifestExport.Result result = ManifestExport.write(baseline, temp.resolve("out"));
        LoadResult loaded = new ManifestLoader().load(temp.resolve("out"), List.of("."));

        assertThat(result.files()).hasSize(6);
        assertThat(loaded.diagnostics()).isEmpty();
        assertThat(loaded.objects().stream().map(ResourceNormaliser::of).toList())
                .containsExactlyInAnyOrderElementsOf(baseline.content().resources());
        assertThat(result.redacted()).containsExactly("Deployment/shop/web", "Secret/shop/web-credentials");
    }

    @Test
    void shouldSayWhereTheVersionCameFromAndWhichValuesAreMissing() throws Exception {
        Baseline baseline = Baseline.create(4, BaselineFixtures.provenance("b"), BaselineFixtures.app("v1"));

        ManifestExport.Result result = ManifestExport.write(baseline, temp);
        Path secret = result.files().stream().filter(p -> p.getFileName().toString().contains("secret"))
                .findFirst().orElseThrow();
        String text = Files.readString(secret);

        assertThat(secret.getFileName().toString()).isEqualTo("003-secret-shop-web-credentials.yaml");
        assertThat(text).startsWith("# Secret/shop/web-credentials from baseline version 4, recorded "
                + BaselineFixtures.TIME + " at commit 0123456789abcdef")
                .contains("set them before applying", "token: \"" + SecretRedaction.MARKER_PREFIX + " hmac:")
                .doesNotContain("c3VwZXIt");
    }

    @Test
    void shouldQuoteScalarsThatYamlWouldReadAsSomethingElse() {
        String yaml = ManifestExport.yaml(new java.util.TreeMap<>(java.util.Map.of("a", "yes", "b", "8080",
                "c", "plain/text", "d", List.of(), "e", java.util.Map.of(), "f", 3L, "g", "a: b", "h",
                List.of(java.util.Map.of("k", "v"), "s"))));

        assertThat(yaml).isEqualTo("a: \"yes\"\nb: \"8080\"\nc: plain/text\nd: []\ne: {}\nf: 3\ng: \"a: b\"\n"
                + "h:\n  - k: v\n  - s\n");
    }
}
