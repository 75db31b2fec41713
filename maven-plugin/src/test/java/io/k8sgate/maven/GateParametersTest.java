package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.GateOptions;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateParametersTest {
    private static final Path APP = Fixtures.path("samples/maven-app");

    @Test
    void shouldLookInTheDefaultPlacesWhenNoManifestsAreConfigured() {
        GateParameters parameters = GateParameters.of(null, null, null, null, null, null, " ", null, false);

        assertThat(parameters.inputs(APP, APP.resolve("target/classes")))
                .containsExactly(APP.resolve("src/main/k8s").toString());
        assertThat(parameters.warnOn()).isEmpty();
    }

    @Test
    void shouldUseTheConfiguredManifestsWhenOneOfThemExists() {
        GateParameters parameters = GateParameters.of(Arrays.asList("deploy/", null, "src/main/k8s/web.yaml "),
                null, null, null, null, null, null, null, false);

        assertThat(parameters.inputs(APP, APP.resolve("target/classes")))
                .containsExactly("deploy/", "src/main/k8s/web.yaml");
    }

    @Test
    void shouldFindNothingToCheckWhenNoConfiguredManifestExists() {
        GateParameters parameters = GateParameters.of(List.of("deploy", "k8s"), null, null, null, null, null,
                null, null, false);

        assertThat(parameters.inputs(APP, APP.resolve("target/classes"))).isEmpty();
    }

    @Test
    void shouldPassTheImageScanInputsToTheEngine() {
        GateParameters parameters = GateParameters.of(null, List.of(" scans/web.json"), List.of(".trivyignore"),
                List.of("vex.json", ""), null, null, null, null, false);

        GateOptions options = parameters.options(APP, List.of("src/main/k8s"));

        assertThat(options.trivyReports()).containsExactly("scans/web.json");
        assertThat(options.trivyIgnoreFiles()).containsExactly(".trivyignore");
        assertThat(options.vexFiles()).containsExactly("vex.json");
    }

    @Test
    void shouldPassGlobsToTheEngine() {
        GateParameters parameters = GateParameters.of(List.of("**/*.yaml"), null, null, null, null, null, null, null,
                false);

        assertThat(parameters.inputs(APP, APP.resolve("target/classes"))).containsExactly("**/*.yaml");
    }
}
