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
    void shouldLookInThePolicysInputsThenTheDefaultPlacesWhenNoManifestsAreConfigured() {
        assertThat(ProjectInputs.of(null, APP, APP.resolve("target/classes"))).isEqualTo(new ProjectInputs.Inputs(
                List.of(), List.of(APP.resolve("src/main/k8s").toString())));
        assertThat(ProjectInputs.of(Arrays.asList(" ", null), APP, APP.resolve("target/classes")).defaults())
                .containsExactly(APP.resolve("src/main/k8s").toString());
    }

    @Test
    void shouldUseTheConfiguredManifestsWhenOneOfThemExists() {
        assertThat(ProjectInputs.of(Arrays.asList("deploy/", null, "src/main/k8s/web.yaml "), APP,
                APP.resolve("target/classes"))).isEqualTo(new ProjectInputs.Inputs(List.of("deploy/",
                        "src/main/k8s/web.yaml"), List.of()));
    }

    @Test
    void shouldFindNothingToCheckWhenNoConfiguredManifestExists() {
        assertThat(ProjectInputs.of(List.of("deploy", "k8s"), APP, APP.resolve("target/classes")))
                .isEqualTo(ProjectInputs.Inputs.NONE);
        assertThat(ProjectInputs.searched(List.of("deploy", "k8s"))).isEqualTo("deploy, k8s");
        assertThat(ProjectInputs.searched(null)).startsWith("src/main/k8s, src/main/kubernetes, src/main/jkube");
    }

    @Test
    void shouldPassGlobsToTheEngine() {
        assertThat(ProjectInputs.of(List.of("**/*.yaml"), APP, APP.resolve("target/classes")).named())
                .containsExactly("**/*.yaml");
    }

    @Test
    void shouldPassEveryParameterToTheEngineAndLeaveUnsetOnesToItsDefaults() throws Exception {
        CheckMojo mojo = Mojos.configure(new CheckMojo(), Map.ofEntries(
                Map.entry("trivyReports", List.of(" scans/web.json")),
                Map.entry("trivyIgnoreFiles", List.of(".trivyignore")), Map.entry("vexFiles", List.of("vex.json", "")),
                Map.entry("failOn", "CRITICAL"), Map.entry("newFindingsOnly", true), Map.entry("baselineStore", "keep"),
                Map.entry("baselineVersion", 3L), Map.entry("formats", List.of("md")),
                Map.entry("charts", List.of("charts/shop")), Map.entry("valuesFiles", List.of("prod.yaml")),
                Map.entry("setValues", List.of("image.tag=2")), Map.entry("release", "shop"),
                Map.entry("namespace", "shop"), Map.entry("kustomizeCommand", "kubectl kustomize")));
        ProjectInputs.Inputs inputs = new ProjectInputs.Inputs(List.of("src/main/k8s"), List.of());

        GateOptions options = mojo.options(APP, inputs, APP.resolve("target/k8s-security"));
        GateOptions unset = new CheckMojo().options(APP, inputs, null);

        assertThat(options.trivyReports()).containsExactly("scans/web.json");
        assertThat(options.trivyIgnoreFiles()).containsExactly(".trivyignore");
        assertThat(options.vexFiles()).containsExactly("vex.json");
        assertThat(options.failOn()).contains("CRITICAL");
        assertThat(options.newFindingsOnly()).contains(true);
        assertThat(options.baseline()).contains("keep");
        assertThat(options.baselineVersion()).hasValue(3);
        assertThat(options.formats()).containsExactly(ReportFormat.MARKDOWN);
        assertThat(options.outputDirectory()).isEqualTo(APP.resolve("target/k8s-security"));
        assertThat(options.charts()).containsExactly("charts/shop");
        assertThat(options.valuesFiles()).containsExactly("prod.yaml");
        assertThat(options.setValues()).containsExactly("image.tag=2");
        assertThat(options.release()).contains("shop");
        assertThat(options.namespace()).contains("shop");
        assertThat(options.kustomizeCommand()).contains("kubectl kustomize");
        // the POM's paths are honoured wherever they are, as the command line's
        assertThat(unset).isEqualTo(GateOptions.builder(APP).manifests(List.of("src/main/k8s"))
                .defaultManifests(List.of()).confineToRoot(false).environment(unset.environment()).build());
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
            assertThat(o.manifests()).isEmpty();
            assertThat(o.defaultManifests()).containsExactly(APP.resolve("src/main/k8s").toString());
            assertThat(o.store().location()).isEqualTo(".k8s-security/baselines");
        });
    }
}
