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
import io.k8sgate.core.policy.PolicyLoader;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                Arguments.of("admission policies kept apart", "rules/admission/replica-limits",
                        List.of("--admission-policies", "policy.yaml"), List.of("apps.yaml"), 1),
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

    /** Charts rendered alike, by the Helm renderer both ship: the same objects, hooks and template lines. */
    static Stream<Arguments> charts() {
        return Stream.of(
                Arguments.of("a chart with values files, --set, release and namespace", ".", List.of("--values",
                        "helm/web/values-prod.yaml", "--set", "replicaCount=3", "--release", "shop", "--namespace",
                        "shop"), List.of("helm/web"), 1),
                Arguments.of("a chart named by option beside a manifest", ".", List.of("--chart", "helm/web"),
                        List.of("repos/duplicates/a-web.yaml"), 1),
                Arguments.of("a dependency that is not vendored", ".", List.of(), List.of("helm/missing-dependency"),
                        3),
                Arguments.of("the project's policy lists its chart and overlay", "repos/project", List.of(),
                        List.of(), 1));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("charts")
    void shouldRenderChartsLikeTheCommandLine(final String name, final String sample, final List<String> cliOptions,
            final List<String> manifests, final int expectedExit) throws IOException {
        boolean kustomizes = !sample.equals("repos/project") || onPath("kubectl") || onPath("kustomize");
        org.junit.jupiter.api.Assumptions.assumeTrue(kustomizes,
                "Neither kustomize nor kubectl is on the PATH: the project's overlay cannot be rendered");
        shouldGiveTheFindingsAndDecisionOfTheCommandLine(name, sample, cliOptions, manifests, expectedExit);
    }

    private static boolean onPath(final String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void shouldGiveTheFindingsAndDecisionOfTheCommandLine(final String name, final String sample,
            final List<String> cliOptions, final List<String> manifests, final int expectedExit) throws IOException {
        Path project = Fixtures.path(sample).normalize();
        CheckMojo mojo = mojo(cliOptions, manifests);
        ProjectInputs.Inputs inputs = ProjectInputs.of(manifests, project, project.resolve("classes"));

        Path mavenOut = work.resolve("maven");
        Throwable thrown = catchThrowable(() -> new GateExecution(new RecordingLog())
                .run(mojo.options(project, inputs, mavenOut)));

        List<String> args = new ArrayList<>(List.of("check", "--root", project.toString(), "--format", "json",
                "--output-dir", work.resolve("cli").toString()));
        args.addAll(cliOptions);
        args.addAll(commandLineInputs(project, inputs));
        StringWriter out = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out));

        assertThat(exit).as(out.toString()).isEqualTo(expectedExit);
        switch (exit) {
            case Verdict.EXIT_PASS -> assertThat(thrown).isNull();
            case Verdict.EXIT_FAIL -> assertThat(thrown).isInstanceOf(MojoFailureException.class);
            default -> assertThat(thrown).isInstanceOf(MojoExecutionException.class);
        }
        if (thrown != null) {
            assertThat(thrown.getMessage()).startsWith("K8s Security Gate: FAIL");
        }
        assertThat(report(mavenOut)).isEqualTo(report(work.resolve("cli")));
    }

    @Test
    void shouldCompareWithABaselineLikeTheCommandLine() throws IOException {
        Path app = copy(Fixtures.path("samples/maven-app"), work.resolve("app"));
        Path store = app.resolve("store");
        new Baselines(new SecurityGate()).record(GateRequest.of(app, List.of("src/main/k8s/web.yaml")),
                new DirectoryStore(store), new Baselines.RecordOptions(true, Optional.empty(), Optional.of("v1")));
        CheckMojo mojo = Mojos.configure(mojo(List.of(), List.of()), Map.of("baselineStore", store.toString()));
        ProjectInputs.Inputs inputs = ProjectInputs.of(List.of(), app, app.resolve("classes"));

        Throwable thrown = catchThrowable(() -> new GateExecution(new RecordingLog())
                .run(mojo.options(app, inputs, work.resolve("maven"))));
        List<String> args = new ArrayList<>(List.of("check", "--root", app.toString(), "--format", "json",
                "--output-dir", work.resolve("cli").toString(), "--baseline", store.toString()));
        args.addAll(commandLineInputs(app, inputs));
        StringWriter out = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out));

        assertThat(exit).as(out.toString()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(thrown).isInstanceOf(MojoFailureException.class);
        JsonNode maven = report(work.resolve("maven"));
        assertThat(maven.path("baseline").path("reference").asText()).startsWith("baseline v1");
        assertThat(maven).isEqualTo(report(work.resolve("cli")));
    }

    /** The check goal with the parameters that match the command line options. */
    private static CheckMojo mojo(final List<String> cliOptions, final List<String> manifests) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("manifests", manifests);
        parameters.put("formats", List.of("json"));
        parameters.put("enableAll", cliOptions.contains("--enable-all"));
        option(cliOptions, "--fail-on").ifPresent(v -> parameters.put("failOn", v));
        option(cliOptions, "--warn-on").ifPresent(v -> parameters.put("warnOn", v));
        option(cliOptions, "--trivy").ifPresent(v -> parameters.put("trivyReports", List.of(v)));
        parameters.put("charts", options(cliOptions, "--chart"));
        parameters.put("valuesFiles", options(cliOptions, "--values"));
        parameters.put("setValues", options(cliOptions, "--set"));
        option(cliOptions, "--release").ifPresent(v -> parameters.put("release", v));
        option(cliOptions, "--namespace").ifPresent(v -> parameters.put("namespace", v));
        option(cliOptions, "--kustomize-command").ifPresent(v -> parameters.put("kustomizeCommand", v));
        option(cliOptions, "--admission-policies").ifPresent(v -> parameters.put("admissionPolicies", List.of(v)));
        return Mojos.configure(new CheckMojo(), parameters);
    }

    /**
     * What the command line is given for the project's inputs: those the POM names; without any, the policy's (the
     * command line reads them when given no path), else the goal's default folders.
     */
    private static List<String> commandLineInputs(final Path project, final ProjectInputs.Inputs inputs) {
        if (!inputs.named().isEmpty()) {
            return inputs.named();
        }
        Path policy = project.resolve("k8s-security.yaml");
        boolean policyLists = Files.isRegularFile(policy) && !new PolicyLoader(new SecurityGate().checkIds())
                .load(policy).inputs().paths().isEmpty();
        return policyLists ? List.of() : inputs.defaults();
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

    private static Path copy(final Path from, final Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static Optional<String> option(final List<String> options, final String name) {
        int i = options.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(options.get(i + 1));
    }

    private static JsonNode report(final Path directory) throws IOException {
        JsonNode report = JSON.readTree(directory.resolve(ReportFormat.JSON.fileName()).toFile());
        assertThat(report.path("generatedAt").asText()).isNotEmpty();
        ((ObjectNode) report).remove("generatedAt");
        return report;
    }
}
