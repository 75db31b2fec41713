package io.k8sgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import hudson.AbortException;
import hudson.FilePath;
import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateRequest;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.frontend.StepRequest;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent-side part without Jenkins: what it is sent, what it writes, what it sends back, what it refuses. */
class GateCallableTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldWriteReportsAndReturnTheEnginesVerdict() throws Exception {
        copy("samples/privileged");

        GateResult result = gate(new SecurityGateStep("deploy"));

        Verdict verdict = result.verdict();
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(verdict.buildResult()).isEqualTo(CiResult.FAILURE);
        assertThat(verdict.stopsBuild(false)).isTrue();
        assertThat(verdict.stopsBuild(true)).isFalse();
        assertThat(verdict.summary()).startsWith("K8s Security Gate FAIL: ")
                .contains("finding(s) at or above failOn HIGH");
        assertThat(verdict.message()).contains("K8S-WL-001", ReportFormat.HTML.fileName());
        assertThat(result.console()).contains("K8S-WL-001");
        Path reports = workspace.resolve(SecurityGateStep.DEFAULT_REPORT_DIR);
        for (ReportFormat format : StepRequest.FORMATS) {
            assertThat(reports.resolve(format.fileName())).isRegularFile();
        }
        assertThat(reports.resolve(ReportFiles.STYLESHEET)).isRegularFile();
    }

    @Test
    void shouldReturnPlainValuesForPipelineScripts() throws Exception {
        copy("samples/privileged");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setFailOn("none");
        step.setWarnOn("critical");

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
        step.setVexFiles("scans/web.openvex.json");
        step.setRequiredResult("SUCCESS");
        step.setBaseline("https://git.example.com/platform/baselines.git");
        step.setBaselineVersion(2L);
        step.setBaselineBranch("approved");
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
        assertThat(GateCallable.request(new SecurityGateStep("deploy"), Set.of(), Map.of()).baseline()).isEmpty();
        assertThat(request.toString()).contains("K8S_SECURITY_GIT_PASSWORD").doesNotContain("s3cret");
    }

    @Test
    void shouldCompareWithABaselineStoreInTheWorkspace() throws Exception {
        copy("samples/privileged");
        new Baselines(new SecurityGate()).record(GateRequest.of(workspace, List.of("deploy")),
                new DirectoryStore(workspace.resolve("baselines")),
                new Baselines.RecordOptions(true, Optional.of("1"), Optional.empty()));
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setBaseline("baselines");
        step.setNewFindingsOnly(true);

        GateResult result = gate(step);

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
        step.setBaseline("baselines");
        step.setFailOn("NONE");

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
        step.setBaseline("no-such-store");
        step.setNewFindingsOnly(true);
        step.setFailOn("NONE");

        GateResult result = gate(step);

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.verdict().message()).contains("no-such-store");
    }

    @Test
    void shouldNotCountFindingsOfTheReferenceBuildWhenNewFindingsOnly() throws Exception {
        copy("samples/privileged");
        SecurityGateStep step = new SecurityGateStep("deploy");
        GateResult first = gate(step);
        Set<String> reference;
        try (InputStream in = Files.newInputStream(report())) {
            reference = JsonReportReader.fingerprints(in, "first report");
        }
        step.setNewFindingsOnly(true);

        GateResult second = new GateCallable(GateCallable.request(step, reference, Map.of()))
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
        step.setBaseline("accepted.json");
        step.setNewFindingsOnly(true);

        GateResult result = gate(step);

        assertThat(result.verdict().status()).isEqualTo(GateStatus.PASS);
        assertThat(result.findings()).isPositive();
    }

    @Test
    void shouldStopWhenTheJsonReferenceCannotBeRead() throws Exception {
        copy("samples/privileged");
        Files.writeString(workspace.resolve("broken.json"), "{\"findings\": [");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setBaseline("broken.json");
        step.setNewFindingsOnly(true);

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
        plain.setTrivyReports("deploy/scans/*.json");
        SecurityGateStep suppressed = new SecurityGateStep("deploy/src/main/k8s");
        suppressed.setTrivyReports("deploy/scans/*.json");
        suppressed.setTrivyIgnoreFiles(".trivyignore");
        suppressed.setVexFiles("web.openvex.json");
        suppressed.setEnableAll(true);

        GateResult before = gate(plain);
        GateResult after = gate(suppressed);

        assertThat(before.suppressed()).isZero();
        assertThat(before.counted().get("CRITICAL")).isPositive();
        assertThat(before.console()).contains("CVE-2026-10001", "CVE-2026-10002").doesNotContain("K8S-IMG-004");
        assertThat(after.suppressed()).isEqualTo(2);
        assertThat(after.counted().get("CRITICAL")).isZero();
        assertThat(after.console()).doesNotContain("CVE-2026-10001", "CVE-2026-10002")
                .contains("K8S-IMG-004", "K8S-WL-056");
        assertThat(Files.readString(report())).contains("vulnerable_code_not_in_execute_path");
    }

    @Test
    void shouldFailClosedWhenAnIgnoreFileIsMissing() throws Exception {
        copy("samples/image-app");
        SecurityGateStep step = new SecurityGateStep("deploy/src/main/k8s");
        step.setTrivyReports("deploy/scans/*.json");
        step.setTrivyIgnoreFiles("missing/.trivyignore");

        GateResult result = gate(step);

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.inputErrors()).isEqualTo(1);
        assertThat(result.verdict().message()).contains("missing/.trivyignore");
    }

    @Test
    void shouldEvaluateAdmissionPoliciesKeptApartFromTheManifests() throws Exception {
        copy("rules/admission/replica-limits");
        SecurityGateStep step = new SecurityGateStep("deploy/apps.yaml");
        step.setAdmissionPolicies("deploy/policy.yaml");

        GateResult apart = gate(step);
        GateResult without = gate(new SecurityGateStep("deploy/apps.yaml"));

        assertThat(apart.console()).contains("VAP-replicalimit-policy.example.com Deployment/test-shop/too-many");
        assertThat(apart.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(without.console()).doesNotContain("VAP-");
    }

    @Test
    void shouldStopWithoutStackTraceWhenThresholdIsUnknown() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setWarnOn("SEVERE");

        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(step))
                .withMessageContaining("'SEVERE' is not a threshold");
    }

    @Test
    void shouldRefuseReportDirectoryOutsideTheWorkspace() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setReportDir("../elsewhere");

        assertThatExceptionOfType(AbortException.class).isThrownBy(() -> gate(step))
                .withMessageContaining("The report directory is outside the root directory");
    }

    @Test
    void shouldRefusePolicyFilesThatAreMissingOrOutsideTheWorkspace(@TempDir final Path elsewhere) throws Exception {
        copy("samples/privileged");
        SecurityGateStep missing = new SecurityGateStep("deploy");
        missing.setPolicy("missing.yaml");
        SecurityGateStep above = new SecurityGateStep("deploy");
        above.setPolicy("../k8s-security.yaml");
        SecurityGateStep absolute = new SecurityGateStep("deploy");
        absolute.setPolicy(Files.writeString(elsewhere.resolve("policy.yaml"), "failOn: NONE\n").toString());

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
        step.setContinueOnFailure(true);

        GateResult result = gate(step);

        assertThat(result.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.verdict().buildResult()).isEqualTo(CiResult.FAILURE);
        assertThat(result.verdict().stopsBuild(step.isContinueOnFailure())).isFalse();
        assertThat(result.inputErrors()).isPositive();
        assertThat(result.verdict().message()).contains("broken.yaml");
    }

    @Test
    void shouldSplitListsOnCommasAndNewLines() {
        assertThat(StepRequest.list(" deploy, rbac/*.yaml\n\nk8s/**/*.yml ,"))
                .containsExactly("deploy", "rbac/*.yaml", "k8s/**/*.yml");
    }

    @Test
    void shouldUseDefaultsForEmptyParameters() {
        SecurityGateStep step = new SecurityGateStep(" deploy ");
        step.setBaseline(" ");
        step.setReportDir("");
        step.setFailOn(null);
        step.setRequiredResult("");

        assertThat(step.getManifests()).isEqualTo("deploy");
        assertThat(step.getBaseline()).isEqualTo(SecurityGateStep.REFERENCE_BUILD);
        assertThat(step.getReportDir()).isEqualTo(SecurityGateStep.DEFAULT_REPORT_DIR);
        assertThat(step.getFailOn()).isEmpty();
        assertThat(step.getRequiredResult()).isEqualTo("UNSTABLE");
        assertThat(step.isIgnoreQualityGate()).isFalse();
        assertThat(step.getReferenceJob()).isEmpty();
        assertThat(step.getNewFindingsOnly()).isNull();
        assertThat(step.getFailOnInputError()).isNull();
    }

    @Test
    void shouldRenderAKustomizationAndLeadFindingsToItsPatches() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("kubectl") || onPath("kustomize"),
                "Neither kustomize nor kubectl is on the PATH: the step's Kustomize case is skipped");
        copy("repos/kustomize");
        SecurityGateStep step = new SecurityGateStep("deploy/overlays/prod");
        step.setKustomizeCommand(onPath("kubectl") ? "kubectl kustomize" : "kustomize build");

        GateResult result = gate(step);

        assertThat(result.verdict().status().name()).isEqualTo("FAIL");
        assertThat(result.console()).contains("Rendered kustomization deploy/overlays/prod: 4 object(s)")
                .contains("K8S-WL-001 Deployment/shop-prod/web [web] deploy/overlays/prod/privileged.yaml:12");
    }

    @Test
    void shouldKeepTheWorkspaceContainmentForWhatAKustomizationReads() throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/kustomization.yaml"), "resources:\n  - ../../outside\n");

        GateResult result = gate(new SecurityGateStep("app"));

        assertThat(result.verdict().status().name()).isEqualTo("FAIL");
        assertThat(result.console()).contains("app/kustomization.yaml:2: ", "outside the root directory",
                "[path-outside-root]");
    }

    @Test
    void shouldCheckWhatThePolicyListsWhenNoManifestsAreNamed() throws Exception {
        copy("samples/privileged");
        Files.writeString(workspace.resolve("k8s-security.yaml"), "inputs:\n  manifests: [deploy]\n");

        GateResult result = gate(new SecurityGateStep(""));

        assertThat(result.verdict().status().name()).isEqualTo("FAIL");
        assertThat(result.console()).contains("K8S-WL-001");
    }

    @Test
    void shouldPassChartSettingsAndRefuseASetValueWithoutKey(@TempDir final Path workspace) {
        SecurityGateStep step = new SecurityGateStep("charts/shop");
        step.setCharts("charts/web, charts/db");
        step.setValuesFiles("values/prod.yaml\nvalues/eu.yaml");
        step.setSetValues("image.tag=1.2.3\nreplicas=3,resources.limits.cpu=1");
        step.setRelease("shop");
        step.setNamespace("shop");

        io.k8sgate.core.frontend.GateOptions options = GateCallable.request(step, Set.of(), Map.of())
                .options(workspace);

        assertThat(options.manifests()).containsExactly("charts/shop");
        assertThat(options.charts()).containsExactly("charts/web", "charts/db");
        assertThat(options.valuesFiles()).containsExactly("values/prod.yaml", "values/eu.yaml");
        assertThat(options.setValues()).containsExactly("image.tag=1.2.3", "replicas=3,resources.limits.cpu=1");
        assertThat(options.release()).contains("shop");
        assertThat(options.namespace()).contains("shop");
        assertThat(options.confineToRoot()).isTrue();
        assertThat(options.defaultManifests()).isEmpty();
        step.setSetValues("no-key-here");
        assertThatExceptionOfType(io.k8sgate.core.policy.ConfigurationException.class)
                .isThrownBy(() -> GateCallable.request(step, Set.of(), Map.of()).options(workspace))
                .withMessageContaining("KEY=VALUE");
    }

    private static boolean onPath(final String command) {
        return java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private GateResult gate(final SecurityGateStep step) throws Exception {
        return new GateCallable(GateCallable.request(step, Set.of(), Map.of())).invoke(workspace.toFile(), null);
    }

    private Path report() {
        return workspace.resolve(SecurityGateStep.DEFAULT_REPORT_DIR).resolve(ReportFormat.JSON.fileName());
    }

    private void copy(final String fixture) throws Exception {
        new FilePath(Fixtures.path(fixture).toFile())
                .copyRecursiveTo(new FilePath(workspace.resolve("deploy").toFile()));
    }
}
