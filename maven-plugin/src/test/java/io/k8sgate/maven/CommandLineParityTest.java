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
                        List.of("src/main/k8s/web.yaml"), 0));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void shouldGiveTheFindingsAndDecisionOfTheCommandLine(final String name, final String sample,
            final List<String> cliOptions, final List<String> manifests, final int expectedExit) throws IOException {
        Path project = Fixtures.path(sample);
        CheckMojo mojo = mojo(cliOptions, manifests);
        List<String> inputs = ProjectInputs.of(manifests, project, project.resolve("classes"));

        Path mavenOut = work.resolve("maven");
        Throwable thrown = catchThrowable(() -> new GateExecution(new RecordingLog())
                .run(mojo.options(project, inputs, mavenOut)));

        List<String> args = new ArrayList<>(List.of("check", "--root", project.toString(), "--format", "json",
                "--output-dir", work.resolve("cli").toString()));
        args.addAll(cliOptions);
        args.addAll(inputs);
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
        List<String> inputs = ProjectInputs.of(List.of(), app, app.resolve("classes"));

        Throwable thrown = catchThrowable(() -> new GateExecution(new RecordingLog())
                .run(mojo.options(app, inputs, work.resolve("maven"))));
        List<String> args = new ArrayList<>(List.of("check", "--root", app.toString(), "--format", "json",
                "--output-dir", work.resolve("cli").toString(), "--baseline", store.toString()));
        args.addAll(inputs);
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
        option(cliOptions, "--admission-policies").ifPresent(v -> parameters.put("admissionPolicies", List.of(v)));
        return Mojos.configure(new CheckMojo(), parameters);
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
