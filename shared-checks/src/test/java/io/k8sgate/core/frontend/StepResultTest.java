package io.k8sgate.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Pipeline step's agent sends back, and what a scripted Pipeline receives from it. */
class StepResultTest {
    @TempDir
    Path workspace;

    @BeforeEach
    void copyAPrivilegedPod() throws IOException {
        Files.createDirectories(workspace.resolve("deploy"));
        Files.copy(Fixtures.path("samples/privileged/pod.yaml"), workspace.resolve("deploy/pod.yaml"));
    }

    private static StepResult run(final GateOptions.Builder options) throws IOException {
        return StepResult.of(new GateRunner().run(options.manifests(List.of("deploy")).build()));
    }

    @Test
    void shouldCarryTheVerdictAndTheCountsOfTheRun() throws IOException {
        GateReport report = new GateRunner().run(GateOptions.builder(workspace).manifests(List.of("deploy")).build());

        StepResult result = StepResult.of(report);

        assertThat(result.verdict()).isEqualTo(report.verdict());
        assertThat(result.console()).isEqualTo(report.console()).contains("K8S-WL-001");
        assertThat(result.counted()).containsOnlyKeys("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(result.counted().keySet()).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
        assertThat(result.counted().get("CRITICAL")).isPositive();
        assertThat(result.total()).isEqualTo(report.outcome().decision().counted().values().stream()
                .mapToInt(Integer::intValue).sum());
        assertThat(result.findings()).isEqualTo(report.outcome().findings().size()).isGreaterThanOrEqualTo(
                result.total());
        assertThat(result.resources()).isEqualTo(1);
        assertThat(result.inputErrors()).isZero();
    }

    @Test
    void shouldGiveAScriptedPipelinePlainValuesToBranchOn() throws IOException {
        StepResult result = run(GateOptions.builder(workspace).failOn("none").warnOn("critical"));

        Map<String, Object> value = result.toStepValue();

        assertThat(value).containsEntry("decision", "WARN").containsEntry("verdict", "WARN")
                .containsEntry("result", "UNSTABLE").containsEntry("summary", result.summary())
                .containsEntry("total", result.total()).containsEntry("suppressed", 0)
                .containsEntry("findings", result.findings()).containsEntry("resources", 1)
                .containsEntry("inputErrors", 0);
        assertThat(value.keySet()).containsExactly("decision", "verdict", "result", "summary", "counts", "total",
                "suppressed", "findings", "resources", "inputErrors");
        assertThat(value.get("counts")).isEqualTo(result.counted()).isInstanceOf(LinkedHashMap.class);
    }

    @Test
    void shouldCountInputErrorsOfARunThatFailedClosed() throws IOException {
        Files.writeString(workspace.resolve("deploy/broken.yaml"), "kind: Pod\nmetadata: [\n");

        StepResult result = run(GateOptions.builder(workspace).failOn("NONE"));

        assertThat(result.kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(result.inputErrors()).isEqualTo(1);
        assertThat(result.toStepValue()).containsEntry("decision", "FAIL").containsEntry("result", "FAILURE")
                .containsEntry("verdict", "FAIL_ON_INPUT");
        assertThat(result.message()).contains("broken.yaml");
    }

    @Test
    void shouldTravelFromTheAgentToTheController() throws IOException, ClassNotFoundException {
        StepResult result = run(GateOptions.builder(workspace));

        Object back = Remoting.travel(result);

        assertThat(back).isEqualTo(result);
        assertThat(((StepResult) back).counted().keySet()).containsExactly("CRITICAL", "HIGH", "MEDIUM", "LOW",
                "INFO");
    }
}
