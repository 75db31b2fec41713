package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.k8sgate.core.GateOptions;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateExecutionTest {
    private static final Set<ReportFormat> DEFAULT_FORMATS = Set.of(ReportFormat.HTML, ReportFormat.JSON,
            ReportFormat.SARIF);

    @TempDir
    Path work;

    @TempDir
    Path noStore;

    private final RecordingLog log = new RecordingLog();

    private BaselineSettings noBaseline() {
        return BaselineSettings.defaults(noStore);
    }

    @Test
    void shouldFailNamingDecisionThresholdFindingAndReportAfterWritingTheReports() {
        Path app = Fixtures.path("samples/maven-app");
        GateOptions options = GateOptions.of(app, List.of("src/main/k8s"));

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class,
                () -> new GateExecution(log).run(options, noBaseline(), DEFAULT_FORMATS, work));

        assertThat(failure.getMessage()).contains("K8s Security Gate: FAIL", "failOn HIGH",
                "K8S-WL-001 Pod/shop/debug [shell] src/main/k8s/debug-pod.yaml:12",
                "Report: " + work.resolve("k8s-security-report.html"));
        assertThat(work.resolve("k8s-security-report.html")).exists();
        assertThat(work.resolve("k8s-security-report.json")).exists();
        assertThat(work.resolve("k8s-security-report.sarif")).exists();
        assertThat(work.resolve("k8s-security-report.css")).exists();
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("ERROR K8s Security Gate").endsWith("FAIL"))
                .anySatisfy(l -> assertThat(l).startsWith("ERROR").contains("K8S-WL-001 Pod/shop/debug"));
    }

    /** Issue 16, item 11: the failure message and the log cannot be forged or reordered by a resource's name. */
    @Test
    void shouldNeutraliseC1ControlsAndDirectionOverridesInTheFailureMessage() throws IOException {
        Path app = work.resolve("app");
        Files.createDirectories(app);
        Files.writeString(app.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"a\\u009B31m"
                + "\\u202Eexe.txt\\u0085[INFO] BUILD SUCCESS\"\n  namespace: shop\nspec:\n  containers:\n"
                + "    - name: app\n      image: registry.example.com/app:1\n      securityContext: {privileged: true}\n");

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, () -> new GateExecution(log)
                .run(GateOptions.of(app, List.of("pod.yaml")), noBaseline(), Set.of(ReportFormat.JSON), work));

        assertThat(failure.getMessage()).contains("Pod/shop/a[U+009B]31m[U+202E]exe.txt[U+0085][INFO] BUILD SUCCESS")
                .doesNotContain("\u009B", "\u202E", "\u0085");
        assertThat(log.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\u009B", "\u202E", "\u0085"));
    }

    @Test
    void shouldFailOnAFixableCriticalVulnerabilityInADeployedImage() {
        Path app = Fixtures.path("samples/image-app");
        GateOptions options = new GateOptions(app, List.of("src/main/k8s"), List.of("scans/web.json"), List.of(),
                List.of(), Optional.empty(), Optional.of("CRITICAL"), Optional.of("NONE"), Optional.empty(), false);

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class,
                () -> new GateExecution(log).run(options, noBaseline(), Set.of(ReportFormat.JSON), work));

        assertThat(failure.getMessage()).contains("failOn CRITICAL", "K8S-IMG-001", "CVE-2026-10001")
                .doesNotContain("CVE-2026-10002");
    }

    @Test
    void shouldLogAWarningAndPassWhenTheDecisionIsWarn() throws Exception {
        Path app = Fixtures.path("samples/maven-app");
        GateOptions options = new GateOptions(app, List.of("src/main/k8s"), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.of("NONE"), Optional.of("HIGH"), Optional.empty(), false);

        GateOutcome outcome = new GateExecution(log).run(options, noBaseline(), Set.of(ReportFormat.MARKDOWN), work);

        assertThat(outcome.status()).isEqualTo(GateStatus.WARN);
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN K8s Security Gate: WARN: ")
                        .contains("finding(s) at or above warnOn HIGH"))
                .contains("INFO Report: " + work.resolve("k8s-security-summary.md"));
    }

    @Test
    void shouldPassAndLogTheSummaryAsInfo() throws Exception {
        Path app = Fixtures.path("samples/maven-app");

        GateOptions options = new GateOptions(app, List.of("src/main/k8s/web.yaml"), List.of(), List.of(),
                List.of(), Optional.empty(), Optional.of("CRITICAL"), Optional.of("NONE"), Optional.empty(), false);

        GateOutcome outcome = new GateExecution(log).run(options, noBaseline(), Set.of(), work);

        assertThat(outcome.status()).isEqualTo(GateStatus.PASS);
        assertThat(log.lines()).first().asString().startsWith("INFO K8s Security Gate").endsWith("PASS");
        assertThat(log.lines()).last().asString().startsWith("INFO No report written");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void shouldReportMalformedInputAsAnExecutionErrorNamingFileAndLine() {
        Path app = Fixtures.path("samples/broken-app");

        assertThatThrownBy(() -> new GateExecution(log).run(GateOptions.of(app, List.of("src/main/k8s")),
                noBaseline(), DEFAULT_FORMATS, work)).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the input could not be used")
                .hasMessageMatching("(?s).*src/main/k8s/broken\\.yaml:[67]: .*\\[yaml-syntax\\].*")
                .hasMessageContaining("Report: ");
        assertThat(work.resolve("k8s-security-report.json")).exists();
    }

    @Test
    void shouldReportABrokenPolicyAsAnExecutionErrorNamingFileAndLine() throws IOException {
        Path app = Fixtures.path("samples/maven-app");
        Path policy = Files.writeString(work.resolve("policy.yaml"), "failOn: HIGH\nfailon: LOW\n");
        GateOptions options = new GateOptions(app, List.of("src/main/k8s"), List.of(), List.of(), List.of(),
                Optional.of(policy), Optional.empty(), Optional.empty(), Optional.empty(), false);

        assertThatThrownBy(() -> new GateExecution(log).run(options, noBaseline(), DEFAULT_FORMATS,
                work.resolve("out")))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("configuration error")
                .hasMessageContaining(policy + ":2").hasMessageContaining("Unknown key 'failon'");
    }

    @Test
    void shouldKeepValuesFromManifestsOnOneLineInTheFailureMessage() throws IOException {
        Files.createDirectories(work.resolve("app"));
        Files.writeString(work.resolve("app/pod.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: "evil\\n[INFO] BUILD SUCCESS"
                spec:
                  containers:
                    - name: c
                      image: busybox:1.36
                      securityContext: {privileged: true}
                """);

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class, () -> new GateExecution(log)
                .run(GateOptions.of(work.resolve("app"), List.of("pod.yaml")), noBaseline(), Set.of(),
                        work.resolve("out")));

        assertThat(failure.getMessage().lines()).noneMatch(l -> l.startsWith("[INFO]"))
                .anyMatch(l -> l.contains("Pod/evil [INFO] BUILD SUCCESS [c] pod.yaml:9"));
        assertThat(log.lines()).noneMatch(l -> l.contains("\n"));
    }

    @Test
    void shouldRefuseAnUnknownReportFormat() {
        assertThatThrownBy(() -> GateExecution.formats(List.of("html", "pdf")))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("'pdf'");
    }

    @Test
    void shouldAcceptFormatNamesInAnyCase() throws MojoExecutionException {
        assertThat(GateExecution.formats(List.of(" HTML", "junit", "md", ""))).containsExactly(ReportFormat.HTML,
                ReportFormat.JUNIT, ReportFormat.MARKDOWN);
    }
}
