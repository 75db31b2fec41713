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
    void shouldEvaluateAdmissionPoliciesKeptApartFromTheManifests() throws Exception {
        copy("rules/admission/replica-limits");
        SecurityGateStep step = new SecurityGateStep("deploy/apps.yaml");
        step.setAdmissionPolicies("deploy/policy.yaml");
        step.setContinueOnFailure(true);

        GateResult apart = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null);
        GateResult without = new GateCallable(new SecurityGateStep("deploy/apps.yaml"), Set.of(), Map.of())
                .invoke(workspace.toFile(), null);

        assertThat(apart.console()).contains("VAP-replicalimit-policy.example.com Deployment/test-shop/too-many");
        assertThat(apart.verdict()).isEqualTo("FAIL_ON_FINDINGS");
        assertThat(without.console()).doesNotContain("VAP-");
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
        assertThat(step.getBaseline()).isEqualTo(SecurityGateStep.LAST_SUCCESSFUL_BUILD);
        assertThat(step.getReportDir()).isEqualTo(SecurityGateStep.DEFAULT_REPORT_DIR);
        assertThat(step.getFailOn()).isEmpty();
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

        GateResult result = new GateCallable(step, Set.of(), Map.of()).invoke(workspace.toFile(), null);

        assertThat(result.status()).isEqualTo("FAIL");
        assertThat(result.console()).contains("Rendered kustomization deploy/overlays/prod: 4 object(s)")
                .contains("K8S-WL-001 Deployment/shop-prod/web [web] deploy/overlays/prod/privileged.yaml:12");
    }

    @Test
    void shouldKeepTheWorkspaceContainmentForWhatAKustomizationReads() throws Exception {
        Files.createDirectories(workspace.resolve("app"));
        Files.writeString(workspace.resolve("app/kustomization.yaml"), "resources:\n  - ../../outside\n");

        GateResult result = new GateCallable(new SecurityGateStep("app"), Set.of(), Map.of())
                .invoke(workspace.toFile(), null);

        assertThat(result.status()).isEqualTo("FAIL");
        assertThat(result.console()).contains("app/kustomization.yaml:2: ", "outside the root directory",
                "[path-outside-root]");
    }

    @Test
    void shouldCheckWhatThePolicyListsWhenNoManifestsAreNamed() throws Exception {
        copy("samples/privileged");
        Files.writeString(workspace.resolve("k8s-security.yaml"), "inputs:\n  manifests: [deploy]\n");

        GateResult result = new GateCallable(new SecurityGateStep(""), Set.of(), Map.of())
                .invoke(workspace.toFile(), null);

        assertThat(result.status()).isEqualTo("FAIL");
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

        io.k8sgate.core.frontend.GateOptions options = GateCallable.inputs(step, workspace).build();

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
                .isThrownBy(() -> GateCallable.inputs(step, workspace).build())
                .withMessageContaining("KEY=VALUE");
    }

    private static boolean onPath(final String command) {
        return java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private void copy(final String fixture) throws Exception {
        new FilePath(Fixtures.path(fixture).toFile()).copyRecursiveTo(new FilePath(workspace.resolve("deploy").toFile()));
    }
}
