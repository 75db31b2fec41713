package io.k8sgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import hudson.AbortException;
import hudson.FilePath;
import hudson.util.ReflectionUtils;
import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.frontend.ReferenceBuildRule;
import io.k8sgate.core.frontend.StepRequest;
import io.k8sgate.core.frontend.StepResult;
import io.k8sgate.core.policy.CiResult;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.JsonReportReader;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.structs.describable.DescribableParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent-side part without Jenkins: what it is sent, what it writes, what it sends back, what it refuses. */
class GateCallableTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldWriteReportsAndReturnTheEnginesVerdict() throws Exception {
        copy("samples/privileged");

        StepResult result = gate(new SecurityGateStep("deploy"));

        Verdict verdict = result.verdict();
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(verdict.buildResult()).isEqualTo(CiResult.FAILURE);
        assertThat(verdict.stopsBuild(false)).isTrue();
        assertThat(verdict.stopsBuild(true)).isFalse();
        assertThat(verdict.summary()).startsWith("K8s Security Gate FAIL: ")
                .contains("finding(s) at or above failOn HIGH");
        assertThat(verdict.message()).contains("K8S-WL-001", ReportFormat.HTML.fileName());
        assertThat(result.console()).contains("K8S-WL-001");
        Path reports = workspace.resolve(GateOptions.DEFAULT_OUTPUT_DIRECTORY);
        for (ReportFormat format : StepRequest.FORMATS) {
            assertThat(reports.resolve(format.fileName())).isRegularFile();
        }
        assertThat(reports.resolve(ReportFiles.STYLESHEET)).isRegularFile();
    }

    @Test
    void shouldReturnPlainValuesForPipelineScripts() throws Exception {
        copy("samples/privileged");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.failOn = "none";
        step.warnOn = "critical";

        Map<String, Object> value = gate(step).toStepValue();

        assertThat(value).containsEntry("decision", "WARN").containsEntry("verdict", "WARN")
                .containsEntry("result", "UNSTABLE")
                .containsEntry("resources", 1).containsEntry("inputErrors", 0).containsEntry("suppressed", 0)
                .containsKeys("summary", "findings");
        @SuppressWarnings("unchecked") // the step's value is built from plain maps
        Map<String, Integer> counts = (Map<String, Integer>) value.get("counts");
        assertThat(counts).containsOnlyKeys("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(counts.get("CRITICAL")).isPositive();
        assertThat(value.get("total")).isEqualTo(counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void shouldSendTheAgentASmallRequestAndNotTheStep() throws Exception {
        SecurityGateStep step = new SecurityGateStep("deploy, rbac/*.yaml");
        step.vexFiles = "scans/web.openvex.json";
        step.requiredResult = "SUCCESS";
        step.baseline = "https://git.example.com/platform/baselines.git";
        step.baselineVersion = 2L;
        step.baselineBranch = "approved";
        StepRequest request = GateCallable.request(step, Set.of("fingerprint"),
                Map.of("K8S_SECURITY_GIT_PASSWORD", "s3cret"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new GateCallable(request));
        }
        Object received;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            received = in.readObject();
        }

        assertThat(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1))
                .doesNotContain(SecurityGateStep.class.getName());
        assertThat(received).isInstanceOfSatisfying(GateCallable.class, c -> assertThat(c)
                .extracting("request").isEqualTo(request));
        assertThat(StepRequest.list(request.manifests())).containsExactly("deploy", "rbac/*.yaml");
        assertThat(request.vexFiles()).isEqualTo("scans/web.openvex.json");
        assertThat(request.baseline()).isEqualTo("https://git.example.com/platform/baselines.git");
        assertThat(request.baselineVersion()).isEqualTo(2L);
        assertThat(request.baselineBranch()).isEqualTo("approved");
        // the reference build's findings came with the request; the store is then the engine's default
        assertThat(GateCallable.request(new SecurityGateStep("deploy"), Set.of(), Map.of()).options(workspace)
                .baseline()).isEmpty();
        assertThat(request.toString()).contains("K8S_SECURITY_GIT_PASSWORD").doesNotContain("s3cret");
    }

    @Test
    void shouldCompareWithABaselineStoreInTheWorkspace() throws Exception {
        copy("samples/privileged");
        new Baselines(new SecurityGate()).record(GateRequest.of(workspace, List.of("deploy")),
                new DirectoryStore(workspace.resolve("baselines")),
                new Baselines.RecordOptions(true, Optional.of("1"), Optional.empty()));
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.baseline = "baselines";
        step.newFindingsOnly = true;

        StepResult result = gate(step);

        assertThat(result.verdict().status()).isEqualTo(GateStatus.PASS);
        assertThat(result.console()).contains("Compared with");
    }

    @Test
    void shouldDigestSecretsWithTheKeyTheBuildHandsToTheAgent() throws Exception {
        copy("samples/privileged");
        Files.copy(Fixtures.path("baselines/app/v1/secret.yaml"), workspace.resolve("deploy/secret.yaml"));
        String team = "the-team-key-from-the-ci-credential-store";
        new Baselines(new SecurityGate()).record(GateRequest.of(workspace, List.of("deploy")),
                new DirectoryStore(workspace.resolve("baselines"), RedactionKey.of(team, "the team's key")),
                new Baselines.RecordOptions(true, Optional.of("1"), Optional.empty()));
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.baseline = "baselines";
        step.failOn = "NONE";

        new GateCallable(GateCallable.request(step, Set.of(), Map.of(RedactionKey.VARIABLE, team)))
                .invoke(workspace.toFile(), null);
        String same = Files.readString(report());
        new GateCallable(GateCallable.request(step, Set.of(),
                Map.of(RedactionKey.VARIABLE, "another-agent-with-a-key-of-its-own-0123")))
                .invoke(workspace.toFile(), null);
        String foreign = Files.readString(report());

        assertThat(same).contains("\"drift\"").doesNotContain("digested with another key", team);
        assertThat(foreign).contains("not comparable: digested with another key").doesNotContain(team);
    }

    @Test
    void shouldFailClosedWhenTheNamedStoreCannotBeRead() throws Exception {
        copy("samples/privileged");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.baseline = "no-such-store";
        step.newFindingsOnly = true;
        step.failOn = "NONE";

        StepResult result = gate(step);

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.verdict().message()).contains("no-such-store");
    }

    @Test
    void shouldNotCountFindingsOfTheReferenceBuildWhenNewFindingsOnly() throws Exception {
        copy("samples/privileged");
        SecurityGateStep step = new SecurityGateStep("deploy");
        StepResult first = gate(step);
        Set<String> reference;
        try (InputStream in = Files.newInputStream(report())) {
            reference = JsonReportReader.fingerprints(in, "first report");
        }
        step.newFindingsOnly = true;

        StepResult second = new GateCallable(GateCallable.request(step, reference, Map.of()))
                .invoke(workspace.toFile(), null);

        assertThat(first.verdict().status()).isEqualTo(GateStatus.FAIL);
        assertThat(second.verdict().status()).isEqualTo(GateStatus.PASS);
        assertThat(second.findings()).isEqualTo(first.findings());
    }

    @Test
    void shouldTakeAJsonReportInTheWorkspaceAsTheReference() throws Exception {
        copy("samples/privileged");
        gate(new SecurityGateStep("deploy"));
        Files.copy(report(), workspace.resolve("accepted.json"));
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.baseline = "accepted.json";
        step.newFindingsOnly = true;

        StepResult result = gate(step);

        assertThat(result.verdict().status()).isEqualTo(GateStatus.PASS);
        assertThat(result.findings()).isPositive();
    }

    @Test
    void shouldStopWhenTheJsonReferenceCannotBeRead() throws Exception {
        copy("samples/privileged");
        Files.writeString(workspace.resolve("broken.json"), "{\"findings\": [");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.baseline = "broken.json";
        step.newFindingsOnly = true;

        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(step))
                .withMessageStartingWith("K8s Security Gate configuration or input error: ")
                .withMessageContaining("broken.json");
    }

    @Test
    void shouldSuppressByIgnoreFileAndVexAndRunOptionalChecksWhenAsked() throws Exception {
        copy("samples/image-app");
        Files.writeString(workspace.resolve(".trivyignore"), "# accepted until the base image moves\nCVE-2026-10001\n");
        Files.writeString(workspace.resolve("web.openvex.json"), """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://example.com/vex/web",
                 "author": "Shop security team", "timestamp": "2026-03-01T09:00:00Z", "version": 1,
                 "statements": [{"vulnerability": {"name": "CVE-2026-10002"},
                   "products": [{"@id": "registry.example.com/shop/web:2.3.0"}],
                   "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}
                """);
        SecurityGateStep plain = new SecurityGateStep("deploy/src/main/k8s");
        plain.trivyReports = "deploy/scans/*.json";
        SecurityGateStep suppressed = new SecurityGateStep("deploy/src/main/k8s");
        suppressed.trivyReports = "deploy/scans/*.json";
        suppressed.trivyIgnoreFiles = ".trivyignore";
        suppressed.vexFiles = "web.openvex.json";
        suppressed.enableAll = true;

        StepResult before = gate(plain);
        StepResult after = gate(suppressed);

        assertThat(before.suppressed()).isZero();
        assertThat(before.counted().get("CRITICAL")).isPositive();
        assertThat(before.console()).contains("CVE-2026-10001", "CVE-2026-10002").doesNotContain("K8S-IMG-004");
        assertThat(after.suppressed()).isEqualTo(2);
        assertThat(after.counted().get("CRITICAL")).isZero();
        assertThat(after.console()).doesNotContain("CVE-2026-10001", "CVE-2026-10002")
                .contains("K8S-IMG-004").doesNotContain("K8S-WL-056");
        assertThat(Files.readString(report())).contains("vulnerable_code_not_in_execute_path");
    }

    @Test
    void shouldFailClosedWhenAnIgnoreFileIsMissing() throws Exception {
        copy("samples/image-app");
        SecurityGateStep step = new SecurityGateStep("deploy/src/main/k8s");
        step.trivyReports = "deploy/scans/*.json";
        step.trivyIgnoreFiles = "missing/.trivyignore";

        StepResult result = gate(step);

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.inputErrors()).isEqualTo(1);
        assertThat(result.verdict().message()).contains("missing/.trivyignore");
    }

    @Test
    void shouldEvaluateAdmissionPoliciesKeptApartFromTheManifests() throws Exception {
        copy("rules/admission/replica-limits");
        SecurityGateStep step = new SecurityGateStep("deploy/apps.yaml");
        step.admissionPolicies = "deploy/policy.yaml";

        StepResult apart = gate(step);
        StepResult without = gate(new SecurityGateStep("deploy/apps.yaml"));

        assertThat(apart.console()).contains("VAP-replicalimit-policy.example.com Deployment/test-shop/too-many");
        assertThat(apart.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(without.console()).doesNotContain("VAP-");
    }

    @Test
    void shouldStopWithoutStackTraceWhenThresholdIsUnknown() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.warnOn = "SEVERE";

        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(step))
                .withMessageContaining("'SEVERE' is not a threshold");
    }

    @Test
    void shouldRefuseReportDirectoryOutsideTheWorkspace() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.reportDir = "../elsewhere";

        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(step))
                .withMessageContaining("The report directory is outside the root directory");
    }

    @Test
    void shouldRefusePolicyFilesThatAreMissingOrOutsideTheWorkspace(@TempDir final Path elsewhere) throws Exception {
        copy("samples/privileged");
        SecurityGateStep missing = new SecurityGateStep("deploy");
        missing.policy = "missing.yaml";
        SecurityGateStep above = new SecurityGateStep("deploy");
        above.policy = "../k8s-security.yaml";
        SecurityGateStep absolute = new SecurityGateStep("deploy");
        absolute.policy = Files.writeString(elsewhere.resolve("policy.yaml"), "failOn: NONE\n").toString();

        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(missing))
                .withMessageContaining("missing.yaml").withMessageContaining("does not exist");
        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(above))
                .withMessageContaining("outside the root directory");
        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(absolute))
                .withMessageContaining("outside the root directory");
    }

    @Test
    void shouldFailClosedOnAManifestThatCannotBeRead() throws Exception {
        Files.createDirectories(workspace.resolve("deploy"));
        Files.writeString(workspace.resolve("deploy/broken.yaml"), "kind: Pod\nmetadata: [\n");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.continueOnFailure = true;

        StepResult result = gate(step);

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.verdict().buildResult()).isEqualTo(CiResult.FAILURE);
        assertThat(result.verdict().stopsBuild(step.continueOnFailure)).isFalse();
        assertThat(result.inputErrors()).isPositive();
        assertThat(result.verdict().message()).contains("broken.yaml");
    }

    @Test
    void shouldSplitListsOnCommasAndNewLines() {
        assertThat(StepRequest.list(" deploy, rbac/*.yaml\n\nk8s/**/*.yml ,"))
                .containsExactly("deploy", "rbac/*.yaml", "k8s/**/*.yml");
    }

    @Test
    void shouldReadEmptyAndMissingParametersAsTheDefaults() {
        SecurityGateStep step = new SecurityGateStep(null);
        step.baseline = " ";
        step.reportDir = "";
        step.failOn = null;
        step.requiredResult = "";

        StepRequest request = GateCallable.request(step, Set.of(), Map.of());
        GateOptions options = request.options(workspace);

        assertThat(request.manifests()).isEmpty();
        assertThat(request.failOn()).isEmpty();
        assertThat(StepRequest.usesReferenceBuild(step.baseline)).isTrue();
        assertThat(request.reportDirectory()).isEqualTo(GateOptions.DEFAULT_OUTPUT_DIRECTORY);
        assertThat(options.outputDirectory()).isEqualTo(options.root().resolve(GateOptions.DEFAULT_OUTPUT_DIRECTORY));
        assertThat(options.failOn()).isEmpty();
        assertThat(options.baseline()).isEmpty();
        assertThat(ReferenceBuildRule.of(step.requiredResult, step.ignoreQualityGate))
                .isEqualTo(new ReferenceBuildRule(false, false));
        assertThat(options.newFindingsOnly()).isEmpty();
        assertThat(options.failOnInputError()).isEmpty();
    }

    @Test
    void shouldBindEveryParameterAsPipelineDoesAndReadItBackAsJenkinsDoes() throws Exception {
        DescribableModel<SecurityGateStep> model = DescribableModel.of(SecurityGateStep.class);
        Map<String, Object> arguments = new TreeMap<>();
        for (DescribableParameter parameter : model.getParameters()) {
            Class<?> type = parameter.getErasedType();
            arguments.put(parameter.getName(), type == String.class ? parameter.getName() + "-value"
                    : type == Long.class ? 7L : Boolean.TRUE);
        }

        SecurityGateStep step = model.instantiate(arguments);
        StepRequest request = GateCallable.request(step, Set.of(), Map.of());

        assertThat(arguments).hasSize(25).containsEntry("manifests", "manifests-value")
                .containsEntry("ignoreQualityGate", true).containsEntry("baselineVersion", 7L);
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            // how the Snippet Generator, the configuration form and JenkinsRule read a parameter back
            assertThat(ReflectionUtils.getPublicProperty(step, argument.getKey())).as(argument.getKey())
                    .isEqualTo(argument.getValue());
        }
        assertThat(request.failOn()).isEqualTo("failOn-value");
        assertThat(request.reportDir()).isEqualTo("reportDir-value");
        assertThat(request.baselineVersion()).isEqualTo(7L);
        assertThat(request.failOnInputError()).isTrue();
    }

    @Test
    void shouldRenderAKustomizationAndLeadFindingsToItsPatches() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("kubectl") || onPath("kustomize"),
                "Neither kustomize nor kubectl is on the PATH: the step's Kustomize case is skipped");
        copy("repos/kustomize");
        SecurityGateStep step = new SecurityGateStep("deploy/overlays/prod");
        step.kustomizeCommand = onPath("kubectl") ? "kubectl kustomize" : "kustomize build";

        StepResult result = gate(step);

        assertThat(result.verdict().status().name()).isEqualTo("FAIL");
        assertThat(result.console()).contains("Rendered kustomization deploy/overlays/prod: 4 object(s)")
                .contains("K8S-WL-001 Deployment/shop-prod/web [web] deploy/overlays/prod/privileged.yaml:12");
    }

    @Test
    void shouldKeepTheWorkspaceContainmentForWhatAKustomizationReads() throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/kustomization.yaml"), "resources:\n  - ../../outside\n");

        StepResult result = gate(new SecurityGateStep("app"));

        assertThat(result.verdict().status().name()).isEqualTo("FAIL");
        assertThat(result.console()).contains("app/kustomization.yaml:2: ", "outside the root directory",
                "[path-outside-root]");
    }

    @Test
    void shouldCheckWhatThePolicyListsWhenNoManifestsAreNamed() throws Exception {
        copy("samples/privileged");
        Files.writeString(workspace.resolve("k8s-security.yaml"), "inputs:\n  manifests: [deploy]\n");

        StepResult result = gate(new SecurityGateStep(""));

        assertThat(result.verdict().status().name()).isEqualTo("FAIL");
        assertThat(result.console()).contains("K8S-WL-001");
    }

    @Test
    void shouldPassChartSettingsAndRefuseASetValueWithoutKey(@TempDir final Path workspace) {
        SecurityGateStep step = new SecurityGateStep("charts/shop");
        step.charts = "charts/web, charts/db";
        step.valuesFiles = "values/prod.yaml\nvalues/eu.yaml";
        step.setValues = "image.tag=1.2.3\nreplicas=3,resources.limits.cpu=1";
        step.release = "shop";
        step.namespace = "shop";

        GateOptions options = GateCallable.request(step, Set.of(), Map.of())
                .options(workspace);

        assertThat(options.manifests()).containsExactly("charts/shop");
        assertThat(options.charts()).containsExactly("charts/web", "charts/db");
        assertThat(options.valuesFiles()).containsExactly("values/prod.yaml", "values/eu.yaml");
        assertThat(options.setValues()).containsExactly("image.tag=1.2.3", "replicas=3,resources.limits.cpu=1");
        assertThat(options.release()).contains("shop");
        assertThat(options.namespace()).contains("shop");
        assertThat(options.confineToRoot()).isTrue();
        assertThat(options.defaultManifests()).isEmpty();
        step.setValues = "no-key-here";
        assertThatExceptionOfType(io.k8sgate.core.policy.ConfigurationException.class)
                .isThrownBy(() -> GateCallable.request(step, Set.of(), Map.of()).options(workspace))
                .withMessageContaining("KEY=VALUE");
    }

    private static boolean onPath(final String command) {
        return java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private StepResult gate(final SecurityGateStep step) throws Exception {
        return new GateCallable(GateCallable.request(step, Set.of(), Map.of())).invoke(workspace.toFile(), null);
    }

    private Path report() {
        return workspace.resolve(GateOptions.DEFAULT_OUTPUT_DIRECTORY).resolve(ReportFormat.JSON.fileName());
    }

    private void copy(final String fixture) throws Exception {
        new FilePath(Fixtures.path(fixture).toFile())
                .copyRecursiveTo(new FilePath(workspace.resolve("deploy").toFile()));
    }
}
