package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.input.render.RenderOptions;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.SkippedInput;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository as teams keep one: manifests among CI files, package.json and documentation YAML (issue #13). */
class MixedTreeTest {
    private final ManifestLoader loader = new ManifestLoader();

    @Test
    void shouldSkipAndListWhatIsNotAKubernetesObject() {
        LoadResult r = loader.load(Fixtures.path("repos"), List.of("mixed"));

        assertThat(r.diagnostics()).isEmpty();
        assertThat(r.objects()).extracting(o -> o.ref().display()).containsExactly("Deployment/shop/web");
        assertThat(r.inputs().skipped()).extracting(s -> s.location().file()).containsExactlyInAnyOrder(
                "mixed/cloudbuild.yaml", "mixed/deploy/ops.json", "mixed/docs/mkdocs.yml",
                "mixed/docs/release-notes.yaml", "mixed/skaffold.yaml", "mixed/web/package.json");
        assertThat(reason(r, "mixed/cloudbuild.yaml")).isEqualTo(
                "Document 1 has no apiVersion and kind: not a Kubernetes object");
        assertThat(reason(r, "mixed/web/package.json")).isEqualTo(
                "Document 1 has no apiVersion and kind: not a Kubernetes object");
        assertThat(reason(r, "mixed/deploy/ops.json")).isEqualTo("Document 1 is a sequence, not a Kubernetes object");
        assertThat(reason(r, "mixed/skaffold.yaml")).isEqualTo(
                "Document 1 configures a tool (skaffold/v4beta6 Config): not an object a cluster receives");
        assertThat(r.inputs().skipped()).filteredOn(s -> s.location().file().endsWith("release-notes.yaml"))
                .singleElement().satisfies(s -> {
                    assertThat(s.reason()).startsWith("Not YAML a cluster reads (").endsWith(
                            "), and it names no apiVersion or kind");
                    assertThat(s.location().line()).isPositive();
                });
        // hidden folders such as .github are not walked at all
        assertThat(r.files()).noneMatch(f -> f.contains(".github"));
    }

    private static String reason(final LoadResult r, final String file) {
        return r.inputs().skipped().stream().filter(s -> s.location().file().equals(file)).map(SkippedInput::reason)
                .findFirst().orElseThrow();
    }

    @Test
    void shouldNotWalkIntoInstalledDependencies(@TempDir final Path dir) throws IOException {
        Files.createDirectories(dir.resolve("web/node_modules/left-pad"));
        Files.writeString(dir.resolve("web/node_modules/left-pad/package.json"), "{\"name\": \"left-pad\"}\n");
        Files.writeString(dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n");

        LoadResult r = loader.load(dir, List.of("."));

        assertThat(r.objects()).hasSize(1);
        assertThat(r.inputs().skipped()).singleElement().satisfies(s -> {
            assertThat(s.location().file()).isEqualTo("web/node_modules");
            assertThat(s.reason()).contains("installed dependencies");
        });
    }

    @Test
    void shouldMakeSkippedDocumentsErrorsWhenThePolicySaysSo() {
        LoadResult r = loader.load(Fixtures.path("repos"), List.of("mixed"),
                new InputOptions(true, true, RenderOptions.DEFAULT));

        assertThat(r.inputs().skipped()).isEmpty();
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).extracting(d -> d.location().file())
                .contains("mixed/cloudbuild.yaml", "mixed/web/package.json", "mixed/docs/mkdocs.yml",
                        "mixed/docs/release-notes.yaml", "mixed/deploy/ops.json", "mixed/skaffold.yaml");
    }

    @Test
    void shouldRefuseAFileNamedExplicitlyThatHoldsNoObject() {
        LoadResult r = loader.load(Fixtures.path("repos/mixed"), List.of("cloudbuild.yaml", "deploy/web.yaml"));

        assertThat(r.objects()).hasSize(1);
        assertThat(r.inputs().skipped()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.code()).isEqualTo("not-kubernetes");
            assertThat(d.location().file()).isEqualTo("cloudbuild.yaml");
        });
    }

    @Test
    void shouldFailClosedWhenAWalkedTreeHoldsNoObjectAtAll(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("cloudbuild.yaml"), "steps:\n  - name: gcr.io/cloud-builders/docker\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"web\"}\n");

        LoadResult r = loader.load(dir, List.of("."));

        assertThat(r.inputs().skipped()).hasSize(2);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("no-objects");
            assertThat(d.isError()).isTrue();
            assertThat(d.message()).contains("2 left out as not Kubernetes objects");
        });
    }

    @Test
    void shouldKeepAnUnreadableDocumentWithApiVersionAndKindAnError(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n");
        Files.writeString(dir.resolve("half.yaml"), "kind: Pod\nmetadata:\n  name: half\n");
        Files.writeString(dir.resolve("ok.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ok\n");

        LoadResult r = loader.load(dir, List.of("."));

        assertThat(r.objects()).hasSize(1);
        assertThat(r.inputs().skipped()).isEmpty();
        assertThat(r.diagnostics()).filteredOn(Diagnostic::isError).extracting(d -> d.location().file(),
                Diagnostic::code).containsExactly(org.assertj.core.groups.Tuple.tuple("broken.yaml", "yaml-syntax"),
                        org.assertj.core.groups.Tuple.tuple("half.yaml", "not-kubernetes"));
    }

    @Test
    void shouldNameAnUnrenderedTemplateWithApiVersionAndKindInAWalkedTree(@TempDir final Path dir)
            throws IOException {
        Files.writeString(dir.resolve("secret-template.yaml"), "apiVersion: v1\nkind: Secret\nmetadata:\n"
                + "  name: config\ndata:\n  config: {{config_data}}\n");
        Files.writeString(dir.resolve("goreleaser.yaml"),
                "version: 2\nbuilds:\n  - ldflags: -X main.v={{ .Version }}\n");

        LoadResult r = loader.load(dir, List.of("."));

        assertThat(r.diagnostics()).extracting(Diagnostic::code, d -> d.location().file())
                .contains(org.assertj.core.groups.Tuple.tuple("unrendered-template", "secret-template.yaml"));
        assertThat(r.inputs().skipped()).extracting(s -> s.location().file()).containsExactly("goreleaser.yaml");
    }
}
