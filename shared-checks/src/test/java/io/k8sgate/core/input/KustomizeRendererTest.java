package io.k8sgate.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the Kustomize command, and taking the origin annotations out of its output again. */
class KustomizeRendererTest {
    @TempDir
    Path bin;

    private void tool(final String name) throws IOException {
        Path file = Files.writeString(bin.resolve(name), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void shouldPreferKustomizeThenKubectlOnThePath() throws IOException {
        tool("kubectl");
        assertThat(KustomizeRenderer.find(Optional.empty(), LoaderLimits.DEFAULT, bin.toString()).renderer())
                .hasValueSatisfying(r -> assertThat(r.commandFor("app")).isEqualTo("kubectl kustomize app"));
        tool("kustomize");
        assertThat(KustomizeRenderer.find(Optional.empty(), LoaderLimits.DEFAULT, bin.toString()).renderer())
                .hasValueSatisfying(r -> assertThat(r.commandFor("app")).isEqualTo("kustomize build app"));
    }

    @Test
    void shouldSayHowToFixAMachineWithoutKustomize() {
        KustomizeRenderer.Found found = KustomizeRenderer.find(Optional.empty(), LoaderLimits.DEFAULT,
                bin.toString());

        assertThat(found.renderer()).isEmpty();
        assertThat(found.problem()).contains("neither 'kustomize' nor 'kubectl' is on the PATH",
                "kubectl includes Kustomize", "inputs.kustomizeCommand", "--kustomize-command");
    }

    @Test
    void shouldRunTheConfiguredCommandWithItsOptions() throws IOException {
        tool("kustomize");

        KustomizeRenderer.Found found = KustomizeRenderer.find(Optional.of("  " + bin.resolve("kustomize")
                + " build --enable-helm "), LoaderLimits.DEFAULT, "");

        assertThat(found.renderer()).hasValueSatisfying(r -> assertThat(r.commandFor("app"))
                .isEqualTo(bin.resolve("kustomize") + " build --enable-helm app"));
    }

    @Test
    void shouldStripTheOriginAnnotationAndAnAnnotationsMapItLeavesEmpty() {
        String annotated = """
                apiVersion: v1
                kind: Service
                metadata:
                  annotations:
                    config.kubernetes.io/origin: |
                      path: ../app/service.yaml
                  name: web
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  annotations:
                    config.kubernetes.io/origin: |
                      path: ../app/cm.yaml

                      ref: main
                    team: shop
                  name: settings
                data:
                  note: |
                    config.kubernetes.io/origin: |
                      a value that only looks like the annotation
                """;

        String stripped = KustomizeRenderer.strip(annotated, Set.of(5, 13), Set.of(4));

        assertThat(stripped).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  annotations:
                    team: shop
                  name: settings
                data:
                  note: |
                    config.kubernetes.io/origin: |
                      a value that only looks like the annotation
                """);
    }
}
