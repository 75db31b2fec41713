package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals that work with the baseline store ({@code baseline}, {@code history}, {@code diff}, {@code check},
 * {@code prune}, {@code export}) on a Git store, opened through the engine's one store lookup as the other front ends
 * open it.
 */
class StoreGoalsTest {
    @TempDir
    Path work;

    private Path app;
    private String store;
    private MavenProject project;
    private final RecordingLog log = new RecordingLog();

    @BeforeEach
    void createProjectAndGitStore() throws Exception {
        app = Projects.copy(Fixtures.path("samples/maven-app"), work.resolve("app"));
        Path bare = work.resolve("baselines.git");
        Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
        store = bare.toUri().toString();
        project = new MavenProject();
        project.setFile(app.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(app.resolve("target/classes").toString());
        project.getBuild().setDirectory(app.resolve("target").toString());
    }

    @Test
    void shouldRecordListCompareCheckPruneAndExportWithAGitStore() throws Exception {
        run(new BaselineMojo(), Map.of("manifests", List.of("src/main/k8s/web.yaml"), "force", true,
                "sourceRevision", "0123456789abcdef", "buildId", "ci-41"));
        run(new BaselineMojo(), Map.of("force", true, "buildId", "ci-42"));
        assertThat(log.text()).contains("Recorded baseline version 1", "Recorded baseline version 2");
        // recorded with force: the failing decision does not fail these builds, so nothing is logged as an error
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN K8s Security Gate").endsWith("FAIL"))
                .noneSatisfy(l -> assertThat(l).startsWith("ERROR"));

        log.clear();
        run(new HistoryMojo(), Map.of());
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("INFO VERSION").contains("REVISION"))
                .anySatisfy(l -> assertThat(l).startsWith("INFO 1 ").contains("0123456789ab", "ci-41"))
                .anySatisfy(l -> assertThat(l).startsWith("INFO 2 ").contains("ci-42"));

        log.clear();
        MojoFailureException drift = catchThrowableOfType(MojoFailureException.class, () -> run(new DiffMojo(),
                Map.of("baselineVersion", 1L, "toVersion", 2L, "failOnDrift", true)));
        assertThat(drift.getMessage()).contains("failOnDrift");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).isEqualTo("INFO   + Pod/shop/debug"))
                .anySatisfy(l -> assertThat(l).startsWith("INFO Findings: ").contains("new"));

        Path reports = work.resolve("reports");
        MojoFailureException unused = catchThrowableOfType(MojoFailureException.class, () -> run(new CheckMojo(),
                Map.of("formats", List.of("json"), "outputDirectory", reports.toFile(), "baselineVersion", 1L)));
        JsonNode report = new ObjectMapper().readTree(reports.resolve(ReportFormat.JSON.fileName()).toFile());
        assertThat(report.path("baseline").path("reference").asText()).startsWith("baseline v1");

        log.clear();
        run(new PruneMojo(), Map.of("keep", 1));
        assertThat(log.text()).contains("Removed 1 version(s): [v1]; 1 kept");
        log.clear();
        run(new HistoryMojo(), Map.of());
        assertThat(log.lines()).noneSatisfy(l -> assertThat(l).startsWith("INFO 1 "))
                .anySatisfy(l -> assertThat(l).startsWith("INFO 2 "));

        Path export = work.resolve("export");
        run(new ExportMojo(), Map.of("exportDirectory", export.toFile()));
        assertThat(log.text()).contains("exported baseline v2 (4 manifests)");
        try (var files = Files.walk(export)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(4);
        }
    }

    @Test
    void shouldSayThatAnEmptyStoreHasNoVersionYet() throws Exception {
        run(new HistoryMojo(), Map.of());

        assertThat(log.text()).contains("No baseline version recorded yet in");
    }

    @Test
    void shouldRefuseToPruneToLessThanOneVersionAsAConfigurationError() {
        MojoExecutionException error = catchThrowableOfType(MojoExecutionException.class,
                () -> run(new PruneMojo(), Map.of("keep", 0)));

        assertThat(error.getMessage()).contains("at least 1", "got 0");
    }

    @Test
    void shouldFailAsAnExecutionErrorNamingAStoreThatCannotBeReached() {
        String missing = work.resolve("missing.git").toUri().toString();

        MojoExecutionException error = catchThrowableOfType(MojoExecutionException.class,
                () -> run(new HistoryMojo(), Map.of("baselineStore", missing)));

        assertThat(error.getMessage()).startsWith("K8s Security Gate: cannot read the baseline store: ");
    }

    @Test
    void shouldCompareTheNewestVersionWithTheCurrentManifests() throws Exception {
        run(new BaselineMojo(), Map.of("manifests", List.of("src/main/k8s/web.yaml"), "force", true));
        log.clear();

        run(new DiffMojo(), Map.of());

        assertThat(log.lines()).first().asString().contains("the current manifests compared with");
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).isEqualTo("INFO   + Pod/shop/debug"));
    }

    private void run(final AbstractStoreMojo mojo, final Map<String, Object> parameters)
            throws MojoExecutionException, MojoFailureException {
        Map<String, Object> all = new HashMap<>(Map.of("project", project, "baselineStore", store));
        all.putAll(parameters);
        Mojos.configure((AbstractMojo) mojo, all).setLog(log);
        mojo.execute();
    }
}
