package io.k8sgate.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.input.InputException;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ReportFormat;
import io.k8sgate.fixtures.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Pipeline step's parameters, translated into the engine's options on the agent. */
class StepRequestTest {
    private static final String KEY = "a-key-the-build-hands-to-the-agent-0123456789";

    @TempDir
    Path workspace;

    @BeforeEach
    void copyAPrivilegedPod() throws IOException {
        Files.createDirectories(workspace.resolve("deploy"));
        Files.copy(Fixtures.path("samples/privileged/pod.yaml"), workspace.resolve("deploy/pod.yaml"));
    }

    private static StepRequest request(final String manifests, final String baseline, final String reportDir) {
        return new StepRequest(manifests, "", "", "", "", "", "", "", "", "", null, null, false, baseline, null, "",
                Set.of(), "", "", "", "", reportDir, Map.of());
    }

    @Test
    void shouldSplitListsAtCommasAndLineBreaksAndLeaveBlanksToTheDefaults() {
        StepRequest request = new StepRequest(" deploy ,\n k8s/**/*.yaml\n\n", "charts/web, charts/db",
                "values/prod.yaml\nvalues/eu.yaml", "image.tag=1.2.3\nreplicas=3,resources.limits.cpu=1\n", " shop ",
                "", " ", " ", "critical", "", true, false,
                true, "", 3L, "approved", Set.of("fp-1"), "scans/a.json, scans/b.json", ".trivyignore",
                "a.vex.json\nb.vex.json", "cluster/policies, cluster/bindings.yaml", "", Map.of(RedactionKey.VARIABLE,
                KEY));

        GateOptions options = request.options(workspace);

        assertThat(options.root()).isEqualTo(workspace.toAbsolutePath().normalize());
        assertThat(options.manifests()).containsExactly("deploy", "k8s/**/*.yaml");
        assertThat(options.defaultManifests()).isEmpty();
        assertThat(options.confineToRoot()).isTrue();
        assertThat(options.charts()).containsExactly("charts/web", "charts/db");
        assertThat(options.valuesFiles()).containsExactly("values/prod.yaml", "values/eu.yaml");
        assertThat(options.setValues()).containsExactly("image.tag=1.2.3", "replicas=3,resources.limits.cpu=1");
        assertThat(options.release()).contains("shop");
        assertThat(options.namespace()).isEmpty();
        assertThat(options.kustomizeCommand()).isEmpty();
        assertThat(options.policyFile()).isEmpty();
        assertThat(options.failOn()).contains("critical");
        assertThat(options.warnOn()).isEmpty();
        assertThat(options.failOnInputError()).contains(true);
        assertThat(options.newFindingsOnly()).contains(false);
        assertThat(options.enableAll()).isTrue();
        assertThat(options.baseline()).isEmpty();
        assertThat(options.baselineVersion()).hasValue(3L);
        assertThat(options.baselineBranch()).contains("approved");
        assertThat(options.reference()).containsExactly("fp-1");
        assertThat(options.trivyReports()).containsExactly("scans/a.json", "scans/b.json");
        assertThat(options.trivyIgnoreFiles()).containsExactly(".trivyignore");
        assertThat(options.vexFiles()).containsExactly("a.vex.json", "b.vex.json");
        assertThat(options.admissionPolicies()).containsExactly("cluster/policies", "cluster/bindings.yaml");
        assertThat(options.formats()).containsExactly(ReportFormat.JSON, ReportFormat.SARIF, ReportFormat.HTML,
                ReportFormat.JUNIT, ReportFormat.MARKDOWN);
        assertThat(options.outputDirectory()).isEqualTo(options.root().resolve("k8s-security-reports"));
        assertThat(options.environment()).containsExactly(Map.entry(RedactionKey.VARIABLE, KEY));
    }

    @Test
    void shouldTakeTheFindingsOfAJsonReportInTheWorkspaceAsTheReference() throws IOException {
        GateReport earlier = new GateRunner().run(request("deploy", "none", "earlier").options(workspace));
        Files.copy(workspace.resolve("earlier/k8s-security-report.json"), workspace.resolve("last.json"));

        GateOptions options = request("deploy", "last.json", "").options(workspace);
        GateReport now = new GateRunner().run(options.toBuilder().newFindingsOnly(true).build());

        assertThat(earlier.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(options.baseline()).contains(GateOptions.NO_BASELINE);
        assertThat(options.reference()).hasSize(earlier.outcome().findings().size());
        assertThat(now.verdict().kind()).isEqualTo(Verdict.Kind.PASS);
    }

    @Test
    void shouldFailClosedWhenTheBaselineReportCannotBeRead() throws IOException {
        Files.writeString(workspace.resolve("last.json"), "{\"schemaVersion\": \"0.1\"}");

        assertThatThrownBy(() -> request("deploy", "last.json", "").options(workspace))
                .isInstanceOf(InputException.class).hasMessageContaining("last.json")
                .hasMessageContaining("schema version");
    }

    @Test
    void shouldPassAStoreOnAsTheBaselineStore() throws IOException {
        Files.createDirectories(workspace.resolve("stores/app"));

        assertThat(request("deploy", "stores/app", "").options(workspace).baseline()).contains("stores/app");
        assertThat(request("deploy", "https://git.example.com/baselines.git", "").options(workspace).baseline())
                .contains("https://git.example.com/baselines.git");
        assertThat(request("deploy", "none", "").options(workspace).comparedStore()).isEmpty();
    }

    @Test
    void shouldRefuseAReportDirectoryOrABaselineReportOutsideTheWorkspace() throws IOException {
        Path outside = Files.writeString(workspace.getParent().resolve(workspace.getFileName() + "-last.json"), "{}");

        assertThatThrownBy(() -> request("deploy", "", "../reports").options(workspace))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("The report directory is outside");
        assertThatThrownBy(() -> request("deploy", "../" + outside.getFileName(), "").options(workspace))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("The baseline report is outside");
    }

    @Test
    void shouldTravelToTheAgentAndNeverShowTheEnvironment() throws IOException, ClassNotFoundException {
        StepRequest request = new StepRequest("deploy", "charts/web", "", "db.password=" + KEY, "", "", "",
                "k8s-security.yaml", "HIGH", "MEDIUM", null, true, false,
                "", 2L, "", Set.of("fp-1", "fp-2"), "", "", "", "", "reports", Map.of(RedactionKey.VARIABLE, KEY));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
        }
        Object back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = in.readObject();
        }

        assertThat(back).isEqualTo(request);
        assertThat(request.toString()).contains("environment=[" + RedactionKey.VARIABLE + "]", "2 finding(s)",
                        "setValues=[db.password=...]")
                .doesNotContain(KEY);
        assertThat(request.options(workspace).toString()).doesNotContain(KEY);
        assertThat(StepRequest.list("a,,b\n c ")).isEqualTo(List.of("a", "b", "c"));
    }
}
