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
import io.k8sgate.core.frontend.GateReport;
import io.k8sgate.core.frontend.GateRunner;
import io.k8sgate.core.frontend.StepRequest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three front ends decide alike: on the same cases, the command line, the Maven goal and the Jenkins step (its
 * plain-Java request, as the agent runs it, without a Jenkins instance) write the same JSON report (its time aside)
 * and reach the same verdict. Every option that decides a run is set in at least one case, through each front end's
 * own parameter for it, so an option that one front end drops or reads differently fails here.
 */
class FrontEndParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORE = "approved-baselines";
    private static final Verdict.Kind PASS = Verdict.Kind.PASS;
    private static final Verdict.Kind WARN = Verdict.Kind.WARN;
    private static final Verdict.Kind FAIL = Verdict.Kind.FAIL_ON_FINDINGS;
    private static final Verdict.Kind INPUT = Verdict.Kind.FAIL_ON_INPUT;

    @TempDir
    Path work;

    /**
     * The cases: a sample project, the options set (by their Maven parameter names; lists are comma-separated) and the
     * verdict every front end must reach. The store {@value #STORE} holds two versions recorded in the project first.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("failing app under its own policy", "samples/maven-app", Map.of(), FAIL),
                Arguments.of("thresholds overridden", "samples/maven-app", Map.of("failOn", "NONE",
                        "warnOn", "CRITICAL"), WARN),
                Arguments.of("every check turned on", "samples/maven-app", Map.of("enableAll", "true",
                        "failOn", "CRITICAL"), FAIL),
                Arguments.of("a policy named", "samples/maven-app", Map.of("policy", "policies/lenient.yaml"), WARN),
                Arguments.of("one named file", "samples/maven-app", Map.of("manifests", "src/main/k8s/web.yaml",
                        "failOn", "CRITICAL"), WARN),
                Arguments.of("JKube output read once", "samples/jkube-app", Map.of(), FAIL),
                Arguments.of("admission policies kept apart", "rules/admission/replica-limits",
                        Map.of("manifests", "apps.yaml", "admissionPolicies", "policy.yaml"), FAIL),
                Arguments.of("malformed YAML fails closed", "samples/broken-app", Map.of(), INPUT),
                Arguments.of("malformed YAML only warns when told", "samples/broken-app",
                        Map.of("failOnInputError", "false", "failOn", "NONE"), WARN),
                Arguments.of("image scan report gating", "samples/image-app", Map.of("trivyReports",
                        "scans/web.json"), FAIL),
                Arguments.of("image findings suppressed by ignore file and VEX", "samples/image-app",
                        Map.of("trivyReports", "scans/web.json", "trivyIgnoreFiles", "exceptions/.trivyignore",
                                "vexFiles", "exceptions/web.openvex.json", "warnOn", "LOW"), WARN),
                Arguments.of("compared with a store", "samples/maven-app", Map.of("baselineStore", STORE), FAIL),
                Arguments.of("only new findings count", "samples/maven-app", Map.of("baselineStore", STORE,
                        "newFindingsOnly", "true"), PASS),
                Arguments.of("compared with an older version", "samples/maven-app", Map.of("baselineStore", STORE,
                        "baselineVersion", "1", "newFindingsOnly", "true"), FAIL),
                Arguments.of("compared with nothing", "samples/maven-app", Map.of("baselineStore", "none",
                        "newFindingsOnly", "true"), FAIL),
                Arguments.of("a mixed tree: CI files and docs skipped and listed", "repos",
                        Map.of("manifests", "mixed"), FAIL),
                Arguments.of("an object defined twice", "repos", Map.of("manifests", "duplicates"), FAIL),
                Arguments.of("a chart with values files, set values, release and namespace", ".",
                        Map.of("manifests", "helm/web", "valuesFiles", "helm/web/values-prod.yaml",
                                "setValues", "replicaCount=3", "release", "shop", "namespace", "shop"), FAIL),
                Arguments.of("a chart named beside a manifest", ".", Map.of("charts", "helm/web",
                        "manifests", "repos/duplicates/a-web.yaml"), FAIL),
                Arguments.of("a chart dependency that is not vendored", ".",
                        Map.of("manifests", "helm/missing-dependency"), INPUT));
    }

    /** Kustomizations rendered alike (they need kustomize or kubectl): the same objects, base and patch lines. */
    static Stream<Arguments> kustomizations() {
        return Stream.of(
                Arguments.of("an overlay with patches and a component", "repos/kustomize",
                        Map.of("manifests", "overlays/prod", "failOn", "CRITICAL"), FAIL),
                Arguments.of("a walked tree: only the roots rendered", "repos/kustomize", Map.of("manifests", "."),
                        FAIL),
                Arguments.of("the Kustomize command named", "repos/kustomize", Map.of("manifests", "overlays/dev",
                        "kustomizeCommand", "kubectl kustomize"), FAIL),
                Arguments.of("the project's policy lists its chart and overlay", "repos/project", Map.of(), FAIL));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("kustomizations")
    void shouldRenderKustomizationsAlikeInEveryFrontEnd(final String name, final String sample,
            final Map<String, String> settings, final Verdict.Kind expected) throws IOException {
        Assumptions.assumeTrue(onPath("kubectl") || onPath("kustomize"),
                "Neither kustomize nor kubectl is on the PATH: the Kustomize parity cases are skipped");
        shouldWriteTheSameReportAndReachTheSameVerdictInEveryFrontEnd(name, sample, settings, expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void shouldWriteTheSameReportAndReachTheSameVerdictInEveryFrontEnd(final String name, final String sample,
            final Map<String, String> settings, final Verdict.Kind expected) throws IOException {
        Path project = prepare(sample, settings);
        ProjectInputs.Inputs goal = ProjectInputs.of(list(settings.get("manifests")), project,
                project.resolve("classes"));
        List<String> inputs = commandLineInputs(project, goal);

        int cli = commandLine(project, settings, inputs, work.resolve("cli"));
        Throwable maven = catchThrowable(() -> new GateExecution(new RecordingLog()).run(
                Mojos.configure(new CheckMojo(), mavenParameters(project, settings)).options(project, goal,
                        work.resolve("maven"))));
        GateReport jenkins = new GateRunner().run(stepRequest(settings, inputs).options(project));

        assertThat(jenkins.verdict().kind()).isEqualTo(expected);
        JsonNode report = report(work.resolve("cli"));
        assertThat(report.path("decision").path("status").asText()).isEqualTo(jenkins.verdict().status().name());
        assertThat(cli).isEqualTo(jenkins.verdict().exitCode());
        switch (expected) {
            case PASS, WARN -> assertThat(maven).isNull();
            case FAIL_ON_FINDINGS -> assertThat(maven).isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("K8s Security Gate: FAIL");
            case FAIL_ON_INPUT -> assertThat(maven).isInstanceOf(MojoExecutionException.class)
                    .hasMessageStartingWith("K8s Security Gate: FAIL");
        }
        if (settings.containsKey("vexFiles")) {
            // both of the image's vulnerabilities: one by the ignore file, one by the VEX statement
            assertThat(report.path("decision").path("suppressed").asInt()).isEqualTo(2);
        }
        assertThat(report(work.resolve("maven"))).isEqualTo(report);
        assertThat(report(project.resolve("jenkins-reports"))).isEqualTo(report);
    }

    /**
     * What the command line and the step are given for the project's inputs: those the POM names; without any, the
     * policy's (both read them when given no path), else the goal's default folders.
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

    private static boolean onPath(final String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /**
     * A copy of the sample with what the case needs: a store with two recorded versions (the first with one
     * manifest, the second with all), a lenient policy, ignore file and VEX document for the image's vulnerabilities.
     */
    private Path prepare(final String sample, final Map<String, String> settings) throws IOException {
        Path project = Projects.copy(Fixtures.path(sample), work.resolve("project"));
        if (STORE.equals(settings.get("baselineStore"))) {
            DirectoryStore store = new DirectoryStore(project.resolve(STORE));
            Baselines baselines = new Baselines(new SecurityGate());
            baselines.record(GateRequest.of(project, List.of("src/main/k8s/web.yaml")), store,
                    new Baselines.RecordOptions(true, Optional.empty(), Optional.of("v1")));
            baselines.record(GateRequest.of(project, List.of("src/main/k8s")), store,
                    new Baselines.RecordOptions(true, Optional.empty(), Optional.of("v2")));
        }
        Files.createDirectories(project.resolve("policies"));
        Files.writeString(project.resolve("policies/lenient.yaml"), "failOn: NONE\nwarnOn: HIGH\n");
        Files.createDirectories(project.resolve("exceptions"));
        Files.writeString(project.resolve("exceptions/.trivyignore"), "# accepted until the base image update\n"
                + "CVE-2026-10001 exp:2099-12-31\n");
        Files.writeString(project.resolve("exceptions/web.openvex.json"), """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/web-2.3.0",
                 "author": "Shop security team", "timestamp": "2026-03-01T09:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2026-10002"},
                   "products": [{"@id": "registry.example.com/shop/web:2.3.0"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
                """);
        return project;
    }

    /** The command line's options for the settings, each named as the CLI names it. */
    private static int commandLine(final Path project, final Map<String, String> settings, final List<String> inputs,
            final Path out) {
        Map<String, String> names = Map.ofEntries(Map.entry("failOn", "--fail-on"),
                Map.entry("warnOn", "--warn-on"), Map.entry("baselineStore", "--baseline"),
                Map.entry("baselineVersion", "--baseline-version"), Map.entry("trivyReports", "--trivy"),
                Map.entry("trivyIgnoreFiles", "--trivy-ignore"), Map.entry("vexFiles", "--vex"),
                Map.entry("admissionPolicies", "--admission-policies"), Map.entry("charts", "--chart"),
                Map.entry("valuesFiles", "--values"), Map.entry("setValues", "--set"),
                Map.entry("release", "--release"), Map.entry("namespace", "--namespace"),
                Map.entry("kustomizeCommand", "--kustomize-command"));
        List<String> args = new ArrayList<>(List.of("check", "--root", project.toString(), "--format", "json",
                "--output-dir", out.toString()));
        settings.forEach((key, value) -> {
            switch (key) {
                case "manifests" -> { } // the inputs, as the goal finds them
                case "enableAll" -> args.add("--enable-all");
                case "failOnInputError", "newFindingsOnly" -> args.add("--" + (Boolean.parseBoolean(value) ? ""
                        : "no-") + kebab(key));
                case "policy" -> args.addAll(List.of("--policy", project.resolve(value).toString()));
                default -> list(value).forEach(v -> args.addAll(List.of(names.get(key), v)));
            }
        });
        args.addAll(inputs);
        StringWriter console = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(console), new PrintWriter(console));
        assertThat(out.resolve(ReportFormat.JSON.fileName())).as(console.toString()).isRegularFile();
        return exit;
    }

    /** The check goal's parameters for the settings, typed as Maven injects them (files resolved in the project). */
    private static Map<String, Object> mavenParameters(final Path project, final Map<String, String> settings) {
        Map<String, Object> parameters = new LinkedHashMap<>(Map.of("formats", List.of("json")));
        settings.forEach((key, value) -> parameters.put(key, switch (key) {
            case "manifests", "trivyReports", "trivyIgnoreFiles", "vexFiles", "admissionPolicies", "charts",
                    "valuesFiles", "setValues" -> list(value);
            case "enableAll", "failOnInputError", "newFindingsOnly" -> Boolean.valueOf(value);
            case "baselineVersion" -> Long.valueOf(value);
            case "policy" -> project.resolve(value).toFile();
            default -> value;
        }));
        return parameters;
    }

    /** The Jenkins step's request for the settings, its fields as the step holds them. */
    private static StepRequest stepRequest(final Map<String, String> settings, final List<String> inputs) {
        return new StepRequest(String.join(",", inputs), settings.getOrDefault("charts", ""),
                settings.getOrDefault("valuesFiles", ""), settings.getOrDefault("setValues", ""),
                settings.getOrDefault("release", ""), settings.getOrDefault("namespace", ""),
                settings.getOrDefault("kustomizeCommand", ""), settings.getOrDefault("policy", ""),
                settings.getOrDefault("failOn", ""), settings.getOrDefault("warnOn", ""),
                bool(settings.get("failOnInputError")), bool(settings.get("newFindingsOnly")),
                Boolean.parseBoolean(settings.get("enableAll")), settings.getOrDefault("baselineStore", ""),
                settings.containsKey("baselineVersion") ? Long.valueOf(settings.get("baselineVersion")) : null, "",
                Set.of(), settings.getOrDefault("trivyReports", ""), settings.getOrDefault("trivyIgnoreFiles", ""),
                settings.getOrDefault("vexFiles", ""), settings.getOrDefault("admissionPolicies", ""),
                "jenkins-reports", Map.of());
    }

    private static Boolean bool(final String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private static List<String> list(final String value) {
        return value == null ? List.of() : StepRequest.list(value);
    }

    private static String kebab(final String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static JsonNode report(final Path directory) throws IOException {
        JsonNode report = JSON.readTree(directory.resolve(ReportFormat.JSON.fileName()).toFile());
        assertThat(report.path("generatedAt").asText()).isNotEmpty();
        ((ObjectNode) report).remove("generatedAt");
        return report;
    }
}
