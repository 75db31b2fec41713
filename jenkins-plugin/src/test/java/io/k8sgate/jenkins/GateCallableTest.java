package io.k8sgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import hudson.AbortException;
import hudson.FilePath;
import io.k8sgate.core.policy.CiResult;
import io.k8sgate.core.report.JsonReportReader;
import io.k8sgate.core.report.ReportFiles;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent-side part without Jenkins: what it writes, what it sends back, what it refuses. */
class GateCallableTest {
    @TempDir
    private Path workspace;

    @Test
    void shouldWriteReportsAndReturnTheMappedVerdict() throws Exception {
        copy("samples/privileged");

        GateResult result = new GateCallable(new SecurityGateStep("deploy"), Set.of(), Map.of()).invoke(workspace.toFile(), null);

        assertThat(result.status()).isEqualTo("FAIL");
        assertThat(result.verdict()).isEqualTo("FAIL_ON_FINDINGS");
        assertThat(result.result()).isEqualTo(CiResult.FAILURE);
        assertThat(result.abort()).isTrue();
        assertThat(result.summary()).startsWith("K8s Security Gate FAIL: ").contains("finding(s) at or above failOn HIGH");
        assertThat(result.console()).contains("K8S-WL-001");
        Path reports = workspace.resolve(SecurityGateStep.DEFAULT_REPORT_DIR);
        for (ReportFormat format : GateCallable.FORMATS) {
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

        Map<String, Object> value = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null).toStepValue();

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
    void shouldCompareWithABaselineStoreInTheWorkspace() throws Exception {
        copy("samples/privileged");
        Path store = workspace.resolve("baselines");
        new io.k8sgate.core.Baselines(new io.k8sgate.core.SecurityGate()).record(
                io.k8sgate.core.GateRequest.of(workspace, java.util.List.of("deploy")),
                new io.k8sgate.core.baseline.DirectoryStore(store),
                new io.k8sgate.core.Baselines.RecordOptions(true, java.util.Optional.of("1"),
                        java.util.Optional.empty()));
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setBaseline("baselines");
        step.setNewFindingsOnly(true);

        GateResult result = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null);

        assertThat(result.status()).isEqualTo("PASS");
        assertThat(result.console()).contains("Compared with");
    }

    @Test
    void shouldNotCountFindingsOfTheReferenceWhenNewFindingsOnly() throws Exception {
        copy("samples/privileged");
        SecurityGateStep step = new SecurityGateStep("deploy");
        GateResult first = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null);
        Set<String> reference;
        try (InputStream in = Files.newInputStream(
                workspace.resolve(SecurityGateStep.DEFAULT_REPORT_DIR).resolve(ReportFormat.JSON.fileName()))) {
            reference = JsonReportReader.fingerprints(in, "first report");
        }
        step.setNewFindingsOnly(true);

        GateResult second = new GateCallable(step, reference, Map.of()).invoke(workspace.toFile(), null);

        assertThat(first.status()).isEqualTo("FAIL");
        assertThat(second.status()).isEqualTo("PASS");
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

        GateResult before = new GateCallable(plain, Set.of(), Map.of()).invoke(workspace.toFile(), null);
        GateResult after = new GateCallable(suppressed, Set.of(), Map.of()).invoke(workspace.toFile(), null);

        assertThat(before.suppressed()).isZero();
        assertThat(before.counted().get("CRITICAL")).isPositive();
        assertThat(before.console()).contains("CVE-2026-10001", "CVE-2026-10002").doesNotContain("K8S-IMG-004");
        assertThat(after.suppressed()).isEqualTo(2);
        assertThat(after.counted().get("CRITICAL")).isZero();
        assertThat(after.console()).doesNotContain("CVE-2026-10001", "CVE-2026-10002")
                .contains("K8S-IMG-004", "K8S-WL-056");
        assertThat(Files.readString(workspace.resolve(SecurityGateStep.DEFAULT_REPORT_DIR)
                .resolve(ReportFormat.JSON.fileName()))).contains("vulnerable_code_not_in_execute_path");
    }

    @Test
    void shouldFailClosedWhenAnIgnoreFileIsMissing() throws Exception {
        copy("samples/image-app");
        SecurityGateStep step = new SecurityGateStep("deploy/src/main/k8s");
        step.setTrivyReports("deploy/scans/*.json");
        step.setTrivyIgnoreFiles("missing/.trivyignore");

        GateResult result = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null);

        assertThat(result.status()).isEqualTo("FAIL");
        assertThat(result.inputErrors()).isEqualTo(1);
        assertThat(result.console()).contains("missing/.trivyignore");
    }

    @Test
    void shouldStopWithoutStackTraceWhenThresholdIsUnknown() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setWarnOn("SEVERE");

        assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null))
                .withMessageContaining("'SEVERE' is not a threshold");
    }

    @Test
    void shouldRefuseReportDirectoryOutsideTheWorkspace() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setReportDir("../elsewhere");

        assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null))
                .withMessageContaining("outside the workspace");
    }

    @Test
    void shouldRefusePolicyFileThatDoesNotExist() {
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setPolicy("missing.yaml");

        assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null))
                .withMessageContaining("missing.yaml").withMessageContaining("The policy file does not exist");
    }

    @Test
    void shouldRefusePolicyFileOutsideTheWorkspace(@TempDir final Path elsewhere) throws Exception {
        copy("samples/privileged");
        Path policy = Files.writeString(elsewhere.resolve("policy.yaml"), "failOn: NONE\n");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setPolicy(policy.toString());

        assertThatExceptionOfType(AbortException.class)
                .isThrownBy(() -> new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null))
                .withMessageContaining("The policy file is outside the root directory");
    }

    @Test
    void shouldFailClosedOnInputThatCannotBeRead() throws Exception {
        Files.createDirectories(workspace.resolve("deploy"));
        Files.writeString(workspace.resolve("deploy/broken.yaml"), "kind: Pod\nmetadata: [\n");
        SecurityGateStep step = new SecurityGateStep("deploy");
        step.setContinueOnFailure(true);

        GateResult result = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null);

        assertThat(result.verdict()).isEqualTo("FAIL_ON_INPUT");
        assertThat(result.result()).isEqualTo(CiResult.FAILURE);
        assertThat(result.abort()).isFalse();
        assertThat(result.inputErrors()).isPositive();
    }

    @Test
    void shouldSplitManifestsOnCommasAndNewLines() {
        assertThat(GateCallable.globs(" deploy, rbac/*.yaml\n\nk8s/**/*.yml ,"))
                .containsExactly("deploy", "rbac/*.yaml", "k8s/**/*.yml");
    }

    @Test
    void shouldUseDefaultsForEmptyParameters() {
        SecurityGateStep step = new SecurityGateStep(" deploy ");
        step.setBaseline(" ");
        step.setReportDir("");
        step.setFailOn(null);

        assertThat(step.getManifests()).isEqualTo("deploy");
        assertThat(step.getBaseline()).isEqualTo(SecurityGateStep.REFERENCE_BUILD);
        assertThat(step.getRequiredResult()).isEqualTo("UNSTABLE");
        assertThat(step.isIgnoreQualityGate()).isFalse();
        assertThat(step.getReferenceJob()).isEmpty();
        assertThat(step.getReportDir()).isEqualTo(SecurityGateStep.DEFAULT_REPORT_DIR);
        assertThat(step.getFailOn()).isEmpty();
        assertThat(step.getNewFindingsOnly()).isNull();
        assertThat(step.getFailOnInputError()).isNull();
    }

    private void copy(final String fixture) throws Exception {
        new FilePath(Fixtures.path(fixture).toFile()).copyRecursiveTo(new FilePath(workspace.resolve("deploy").toFile()));
    }
}
