package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ProjectInputsTest {
    private static final Path APP = Fixtures.path("samples/maven-app");

    @Test
    void shouldLookInTheDefaultPlacesWhenNoManifestsAreConfigured() {
        assertThat(ProjectInputs.of(null, APP, APP.resolve("target/classes")))
                .containsExactly(APP.resolve("src/main/k8s").toString());
        assertThat(ProjectInputs.of(Arrays.asList(" ", null), APP, APP.resolve("target/classes")))
                .containsExactly(APP.resolve("src/main/k8s").toString());
    }

    @Test
    void shouldUseTheConfiguredManifestsWhenOneOfThemExists() {
        assertThat(ProjectInputs.of(Arrays.asList("deploy/", null, "src/main/k8s/web.yaml "), APP,
                APP.resolve("target/classes"))).containsExactly("deploy/", "src/main/k8s/web.yaml");
    }

    @Test
    void shouldFindNothingToCheckWhenNoConfiguredManifestExists() {
        assertThat(ProjectInputs.of(List.of("deploy", "k8s"), APP, APP.resolve("target/classes"))).isEmpty();
        assertThat(ProjectInputs.searched(List.of("deploy", "k8s"))).isEqualTo("deploy, k8s");
        assertThat(ProjectInputs.searched(null)).startsWith("src/main/k8s, src/main/kubernetes, src/main/jkube");
    }

    @Test
    void shouldPassGlobsToTheEngine() {
        assertThat(ProjectInputs.of(List.of("**/*.yaml"), APP, APP.resolve("target/classes")))
                .containsExactly("**/*.yaml");
    }

    @Test
    void shouldPassEveryParameterToTheEngineAndLeaveUnsetOnesToItsDefaults() throws Exception {
        CheckMojo mojo = Mojos.configure(new CheckMojo(), Map.of("trivyReports", List.of(" scans/web.json"),
                "trivyIgnoreFiles", List.of(".trivyignore"), "vexFiles", List.of("vex.json", ""), "failOn", "CRITICAL",
                "newFindingsOnly", true, "baselineStore", "keep", "baselineVersion", 3L,
                "formats", List.of("md")));

        GateOptions options = mojo.options(APP, List.of("src/main/k8s"), APP.resolve("target/k8s-security"));
        GateOptions unset = new CheckMojo().options(APP, List.of("src/main/k8s"), null);

        assertThat(options.trivyReports()).containsExactly("scans/web.json");
        assertThat(options.trivyIgnoreFiles()).containsExactly(".trivyignore");
        assertThat(options.vexFiles()).containsExactly("vex.json");
        assertThat(options.failOn()).contains("CRITICAL");
        assertThat(options.newFindingsOnly()).contains(true);
        assertThat(options.baseline()).contains("keep");
        assertThat(options.baselineVersion()).hasValue(3);
        assertThat(options.formats()).containsExactly(ReportFormat.MARKDOWN);
        assertThat(options.outputDirectory()).isEqualTo(APP.resolve("target/k8s-security"));
        assertThat(unset).isEqualTo(GateOptions.builder(APP).manifests(List.of("src/main/k8s"))
                .environment(unset.environment()).build());
    }

    @Test
    void shouldCheckTheProjectsOwnManifests() throws Exception {
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().setOutputDirectory(APP.resolve("target/classes").toString());
        MavenProject project = new MavenProject(model);
        project.setFile(APP.resolve("pom.xml").toFile());
        BaselineMojo mojo = Mojos.configure(new BaselineMojo(), Map.of("project", project));

        assertThat(mojo.projectOptions()).hasValueSatisfying(o -> {
            assertThat(o.root()).isEqualTo(APP);
            assertThat(o.manifests()).containsExactly(APP.resolve("src/main/k8s").toString());
            assertThat(o.store().location()).isEqualTo(".k8s-security/baselines");
        });
    }
}
