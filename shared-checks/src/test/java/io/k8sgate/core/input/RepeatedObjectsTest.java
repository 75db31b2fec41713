package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatedObjectsTest {
    private static final String CONFIG = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
            + "data:\n  mode: %s\n";

    @TempDir
    Path root;

    @Test
    void shouldReadTheSameObjectFromTwoFilesOnce() throws IOException {
        Files.writeString(root.resolve("a.yaml"), CONFIG.formatted("on"));
        Files.writeString(root.resolve("b.yaml"), "# the same, written again\n" + CONFIG.formatted("on"));

        LoadResult result = new ManifestLoader().load(root, List.of("a.yaml", "b.yaml"));

        assertThat(result.objects()).extracting(K8sObject::file).containsExactly("a.yaml");
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("duplicate-object");
            assertThat(d.isError()).isFalse();
            assertThat(d.location().toString()).isEqualTo("b.yaml:2");
            assertThat(d.message()).contains("ConfigMap/settings", "a.yaml:1");
        });
    }

    @Test
    void shouldKeepObjectsWithTheSameNameButOtherContent() throws IOException {
        Files.writeString(root.resolve("dev.yaml"), CONFIG.formatted("dev"));
        Files.writeString(root.resolve("prod.yaml"), CONFIG.formatted("prod"));

        LoadResult result = new ManifestLoader().load(root, List.of("dev.yaml", "prod.yaml"));

        assertThat(result.objects()).hasSize(2);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("duplicate-object");
            assertThat(d.level()).isEqualTo(Diagnostic.Level.WARNING);
            assertThat(d.location().toString()).isEqualTo("prod.yaml:1");
            assertThat(d.message()).contains("ConfigMap/settings", "dev.yaml:1", "prod.yaml:1", "last definition");
        });
        assertThat(result.inputs().duplicates()).singleElement().satisfies(dup -> {
            assertThat(dup.conflict()).isTrue();
            assertThat(dup.definitions()).extracting(Object::toString).containsExactly("dev.yaml:1", "prod.yaml:1");
        });
    }

    @Test
    void shouldKeepRepeatedObjectsWithinOneFile() throws IOException {
        Files.writeString(root.resolve("twice.yaml"), CONFIG.formatted("on") + "---\n" + CONFIG.formatted("on"));

        LoadResult result = new ManifestLoader().load(root, List.of("twice.yaml"));

        assertThat(result.objects()).hasSize(2);
    }
}
