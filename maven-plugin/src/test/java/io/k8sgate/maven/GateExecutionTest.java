package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateExecutionTest {
    @TempDir
    Path work;

    private final RecordingLog log = new RecordingLog();

    private static GateOptions.Builder options(final Path root, final String manifests, final Path out) {
        return GateOptions.builder(root).manifests(List.of(manifests)).outputDirectory(out);
    }

    @Test
    void shouldFailNamingDecisionThresholdFindingAndReportAfterWritingTheReports() {
        Path app = Fixtures.path("samples/maven-app");
        GateOptions options = options(app, "src/main/k8s", work).build();

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class,
                () -> new GateExecution(log).run(options));

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
                + "    - name: app\n      image: registry.example.com/app:1\n"
                + "      securityContext: {privileged: true}\n");

        GateOptions options = options(app, "pod.yaml", work.resolve("out")).formats(List.of(ReportFormat.JSON))
                .build();

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class,
                () -> new GateExecution(log).run(options));

        assertThat(failure.getMessage()).contains("Pod/shop/a[U+009B]31m[U+202E]exe.txt[U+0085][INFO] BUILD SUCCESS")
                .doesNotContain("\u009B", "\u202E", "\u0085");
        assertThat(log.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\u009B", "\u202E", "\u0085"));
    }

    @Test
    void shouldFailOnAFixableCriticalVulnerabilityInADeployedImage() {
        Path app = Fixtures.path("samples/image-app");
        GateOptions options = options(app, "src/main/k8s", work).trivyReports(List.of("scans/web.json"))
                .failOn("CRITICAL").warnOn("NONE").formats(List.of(ReportFormat.JSON)).build();

        MojoFailureException failure = catchThrowableOfType(MojoFailureException.class,
                () -> new GateExecution(log).run(options));

        assertThat(failure.getMessage()).contains("failOn CRITICAL", "K8S-IMG-001", "CVE-2026-10001")
                .doesNotContain("CVE-2026-10002");
    }

    @Test
    void shouldLogAWarningAndPassWhenTheDecisionIsWarn() throws Exception {
        Path app = Fixtures.path("samples/maven-app");
        GateOptions options = options(app, "src/main/k8s", work).failOn("NONE").warnOn("HIGH")
                .formats(List.of(ReportFormat.MARKDOWN)).build();

        GateOutcome outcome = new GateExecution(log).run(options);

        assertThat(outcome.status()).isEqualTo(GateStatus.WARN);
        assertThat(log.lines()).anySatisfy(l -> assertThat(l).startsWith("WARN K8s Security Gate: WARN: ")
                        .contains("finding(s) at or above warnOn HIGH"))
                .endsWith("WARN Report: " + work.resolve("k8s-security-summary.md"));
    }

    @Test
    void shouldLogAsAnErrorOnlyWhatFailsTheBuild() {
        Path app = Fixtures.path("samples/maven-app");
        GateOptions options = options(app, "src/main/k8s", work).failOn("HIGH").warnOn("MEDIUM")
                .formats(List.of()).consoleFindings(100).build();

        MojoFailureException unused = catchThrowableOfType(MojoFailureException.class,
                () -> new GateExecution(log).run(options));

        List<String> findings = log.lines().stream()
                .filter(l -> l.matches("\\w+ {3}(CRITICAL|HIGH|MEDIUM|LOW|INFO) .*")).toList();
        assertThat(findings).anySatisfy(l -> assertThat(l).startsWith("ERROR   CRITICAL"))
                .anySatisfy(l -> assertThat(l).startsWith("WARN   MEDIUM"))
                .anySatisfy(l -> assertThat(l).startsWith("INFO   LOW"))
                .allSatisfy(l -> assertThat(l.startsWith("ERROR")).isEqualTo(l.matches("ERROR {3}(CRITICAL|HIGH) .*")))
                .noneSatisfy(l -> assertThat(l).matches("(ERROR|WARN) {3}(LOW|INFO) .*"));
    }

    @Test
    void shouldPassAndLogTheSummaryAsInfo() throws Exception {
        Path app = Fixtures.path("samples/maven-app");

        GateOptions options = options(app, "src/main/k8s/web.yaml", work).failOn("CRITICAL").warnOn("NONE")
                .formats(List.of()).build();

        GateOutcome outcome = new GateExecution(log).run(options);

        assertThat(outcome.status()).isEqualTo(GateStatus.PASS);
        assertThat(log.lines()).first().asString().startsWith("INFO K8s Security Gate").endsWith("PASS");
        assertThat(log.lines()).last().asString().startsWith("INFO No report written");
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void shouldReportMalformedInputAsAnExecutionErrorNamingFileAndLine() {
        Path app = Fixtures.path("samples/broken-app");

        assertThatThrownBy(() -> new GateExecution(log).run(options(app, "src/main/k8s", work).build()))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("the input could not be used")
                .hasMessageMatching("(?s).*src/main/k8s/broken\\.yaml:[67]: .*\\[yaml-syntax\\].*")
                .hasMessageContaining("Report: ");
        assertThat(work.resolve("k8s-security-report.json")).exists();
    }

    @Test
    void shouldReportABrokenPolicyAsAnExecutionErrorNamingFileAndLine() throws IOException {
        Path app = Files.createDirectories(work.resolve("app"));
        Files.copy(Fixtures.path("samples/maven-app/src/main/k8s/web.yaml"), app.resolve("web.yaml"));
        Path policy = Files.writeString(app.resolve("policy.yaml"), "failOn: HIGH\nfailon: LOW\n");
        GateOptions options = options(app, "web.yaml", work.resolve("out")).policyFile(policy).build();

        assertThatThrownBy(() -> new GateExecution(log).run(options))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("configuration error")
                .hasMessageContaining(policy + ":2").hasMessageContaining("Unknown key 'failon'");
    }

    @Test
    void shouldRefuseAPolicyOutsideTheProjectAsTheOtherFrontEndsDo() throws IOException {
        Path policy = Files.writeString(work.resolve("policy.yaml"), "failOn: NONE\n");
        GateOptions options = options(Fixtures.path("samples/maven-app"), "src/main/k8s", work.resolve("out"))
                .policyFile(policy).build();

        assertThatThrownBy(() -> new GateExecution(log).run(options))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("configuration error")
                .hasMessageContaining("The policy file is outside the root directory");
        assertThat(work.resolve("out")).doesNotExist();
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
                .run(options(work.resolve("app"), "pod.yaml", work.resolve("out")).formats(List.of()).build()));

        assertThat(failure.getMessage().lines()).noneMatch(l -> l.startsWith("[INFO]"))
                .anyMatch(l -> l.contains("Pod/evil [INFO] BUILD SUCCESS [c] pod.yaml:9"));
        assertThat(log.lines()).noneMatch(l -> l.contains("\n"));
    }

    @Test
    void shouldRefuseAnUnknownReportFormatBeforeRunning() {
        CheckMojo mojo = Mojos.configure(new CheckMojo(), Map.of("formats", List.of("html", "pdf")));

        assertThatThrownBy(() -> mojo.options(work, new ProjectInputs.Inputs(List.of("."), List.of()), work))
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("'pdf'");
    }
}
