package io.k8sgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.k8sgate.cli.Main;
import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Maven goal and the command line give the same findings and decision for the same inputs and policy. */
class CommandLineParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("failing app under its own policy", "samples/maven-app", List.of(), List.of(), 1),
                Arguments.of("thresholds overridden", "samples/maven-app", List.of("--fail-on", "NONE",
                        "--warn-on", "CRITICAL"), List.of(), 0),
                Arguments.of("every check turned on", "samples/maven-app", List.of("--enable-all", "--fail-on",
                        "CRITICAL"), List.of(), 1),
                Arguments.of("JKube output read once", "samples/jkube-app", List.of(), List.of(), 1),
                Arguments.of("image scan report gating", "samples/image-app", List.of("--trivy", "scans/web.json"),
                        List.of(), 1),
                Arguments.of("malformed YAML fails closed", "samples/broken-app", List.of(), List.of(), 3),
                Arguments.of("one named file", "samples/maven-app", List.of("--fail-on", "CRITICAL"),
                        List.of("src/main/k8s/web.yaml"), 0),
                Arguments.of("a mixed tree: CI files and docs skipped and listed", "repos", List.of(),
                        List.of("mixed"), 1),
                Arguments.of("an object defined twice", "repos", List.of(), List.of("duplicates"), 1));
    }

    /** Kustomizations rendered alike: the same objects, findings at the same base and patch lines. */
    static Stream<Arguments> kustomizations() {
        return Stream.of(
                Arguments.of("an overlay with patches and a component", "repos/kustomize",
                        List.of("--fail-on", "CRITICAL"), List.of("overlays/prod"), 1),
                Arguments.of("a walked tree: only the roots rendered", "repos/kustomize", List.of(), List.of("."), 1),
                Arguments.of("the Kustomize command named", "repos/kustomize", List.of("--kustomize-command",
                        "kubectl kustomize"), List.of("overlays/dev"), 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kustomizations")
    void shouldRenderKustomizationsLikeTheCommandLine(final String name, final String sample,
            final List<String> cliOptions, final List<String> manifests, final int expectedExit) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("kubectl") || onPath("kustomize"),
                "Neither kustomize nor kubectl is on the PATH: the Kustomize parity cases are skipped");
        shouldGiveTheFindingsAndDecisionOfTheCommandLine(name, sample, cliOptions, manifests, expectedExit);
    }

    private static boolean onPath(final String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, command)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void shouldGiveTheFindingsAndDecisionOfTheCommandLine(final String name, final String sample,
            final List<String> cliOptions, final List<String> manifests, final int expectedExit) throws IOException {
        Path project = Fixtures.path(sample);
        GateParameters parameters = parameters(cliOptions, manifests);
        List<String> inputs = parameters.inputs(project, project.resolve("classes"));

        Path mavenOut = work.resolve("maven");
        Throwable thrown = catchThrowable(() -> new GateExecution(new RecordingLog())
                .run(parameters.options(project, inputs), BaselineSettings.defaults(work), Set.of(ReportFormat.JSON),
                        mavenOut));

        List<String> args = new ArrayList<>(List.of("check", "--root", project.toString(), "--format", "json",
                "--output-dir", work.resolve("cli").toString()));
        args.addAll(cliOptions);
        args.addAll(inputs);
        StringWriter out = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out));

        assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
        switch (exit) {
            case Main.EXIT_PASS -> assertThat(thrown).isNull();
            case Main.EXIT_FAIL -> assertThat(thrown).isInstanceOf(MojoFailureException.class);
            default -> assertThat(thrown).isInstanceOf(MojoExecutionException.class);
        }
        assertThat(report(mavenOut)).isEqualTo(report(work.resolve("cli")));
    }

    @Test
    void shouldCompareWithABaselineLikeTheCommandLine() throws IOException {
        Path app = Fixtures.path("samples/maven-app");
        Path store = work.resolve("store");
        new Baselines(new SecurityGate()).record(GateRequest.of(app, List.of("src/main/k8s/web.yaml")),
                new DirectoryStore(store), new Baselines.RecordOptions(true, Optional.empty(), Optional.of("v1")));
        GateParameters parameters = parameters(List.of(), List.of());
        List<String> inputs = parameters.inputs(app, app.resolve("classes"));

        Throwable thrown = catchThrowable(() -> new GateExecution(new RecordingLog()).run(
                parameters.options(app, inputs), new BaselineSettings(store, OptionalLong.empty(), Optional.empty()),
                Set.of(ReportFormat.JSON), work.resolve("maven")));
        List<String> args = new ArrayList<>(List.of("check", "--root", app.toString(), "--format", "json",
                "--output-dir", work.resolve("cli").toString(), "--baseline", store.toString()));
        args.addAll(inputs);
        StringWriter out = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out));

        assertThat(exit).as(out.toString()).isEqualTo(Main.EXIT_FAIL);
        assertThat(thrown).isInstanceOf(MojoFailureException.class);
        JsonNode maven = report(work.resolve("maven"));
        assertThat(maven.path("baseline").path("reference").asText()).startsWith("baseline v1");
        assertThat(maven).isEqualTo(report(work.resolve("cli")));
    }

    private static GateParameters parameters(final List<String> cliOptions, final List<String> manifests) {
        Optional<String> failOn = option(cliOptions, "--fail-on");
        Optional<String> warnOn = option(cliOptions, "--warn-on");
        List<String> trivy = option(cliOptions, "--trivy").map(List::of).orElse(List.of());
        return GateParameters.of(manifests, trivy, List.of(), List.of(), null, failOn.orElse(null),
                warnOn.orElse(null), null, cliOptions.contains("--enable-all"), new GateParameters.Charts(
                        options(cliOptions, "--chart"), options(cliOptions, "--values"), options(cliOptions, "--set"),
                        option(cliOptions, "--release").orElse(null), option(cliOptions, "--namespace").orElse(null),
                        option(cliOptions, "--kustomize-command").orElse(null)));
    }

    private static Optional<String> option(final List<String> options, final String name) {
        int i = options.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(options.get(i + 1));
    }

    /** Every value of a repeatable option, in order. */
    private static List<String> options(final List<String> options, final String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < options.size() - 1; i++) {
            if (options.get(i).equals(name)) {
                out.add(options.get(i + 1));
            }
        }
        return out;
    }

    private static JsonNode report(final Path directory) throws IOException {
        JsonNode report = JSON.readTree(directory.resolve(ReportFormat.JSON.fileName()).toFile());
        assertThat(report.path("generatedAt").asText()).isNotEmpty();
        ((ObjectNode) report).remove("generatedAt");
        return report;
    }
}
