package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.cli.MainTest.Run;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue #16 end to end: what Kubernetes reads, the gate reads, and what it refuses is an input error (exit 3). */
class HostileInputTest {
    private static String root() {
        return Fixtures.root().toString();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "issue16/tagged-privileged.yaml, issue16/tagged-privileged.yaml:13",
        "issue16/merge-key-after-explicit.yaml, issue16/merge-key-after-explicit.yaml:13",
        "issue16/argo-workflow-privileged.yaml, issue16/argo-workflow-privileged.yaml:18",
        "issue16/empty-folded-scalar.yaml, issue16/empty-folded-scalar.yaml:24"})
    void shouldFailOnWhatKubernetesRunsPrivilegedIssue16(final String input, final String where) {
        Run r = MainTest.run("check", "--root", root(), input);

        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(r.out()).contains("K8S-WL-001").contains(where).doesNotContain("Malformed YAML");
    }

    @Test
    void shouldSeeEverySpellingOfRootIssue16(@TempDir final Path out) throws IOException {
        Run r = MainTest.run("check", "--root", root(), "--fail-on", "MEDIUM", "--format", "json",
                "--output-dir", out.toString(), "issue16/root-spellings.yaml");

        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_FAIL);
        JsonNode report = new ObjectMapper().readTree(out.resolve("k8s-security-report.json").toFile());
        assertThat(report.findValues("checkId").stream().filter(id -> id.asText().equals("K8S-WL-024"))).hasSize(7);
        assertThat(report.findValues("line").stream().map(JsonNode::asInt))
                .contains(15, 17, 18, 19, 21, 22, 23);
    }

    @Test
    void shouldExitWithInputErrorForValuesTheApiServerRefusesIssue16() {
        Run r = MainTest.run("check", "--root", root(), "issue16/refused-values.yaml");

        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_INPUT);
        assertThat(r.out()).contains("issue16/refused-values.yaml:13").contains("privileged is a string \"yes\"")
                .contains("issue16/refused-values.yaml:17");
    }

    @Test
    void shouldCheckAKindThePolicyAddsIssue16() {
        Run without = MainTest.run("check", "--root", root(), "issue16/custom-kind.yaml");
        Run with = MainTest.run("check", "--root", root(), "--policy",
                Fixtures.path("issue16/custom-kind-policy.yaml").toString(), "issue16/custom-kind.yaml");

        assertThat(without.code()).as(without.out()).isEqualTo(Verdict.EXIT_PASS);
        assertThat(with.code()).as(with.out()).isEqualTo(Verdict.EXIT_FAIL);
        assertThat(with.out()).contains("K8S-WL-001").contains("issue16/custom-kind.yaml:12");
    }

    @Test
    void shouldReadAManifestWithAValueOfEightMegabytesIssue16(@TempDir final Path dir) throws IOException {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: blob\n"
                + "  namespace: shop\ndata:\n  blob: ");
        yaml.append("QUJD".repeat(2 * 1024 * 1024)).append('\n');
        Files.writeString(dir.resolve("blob.yaml"), yaml);

        Run r = MainTest.run("check", "--root", dir.toString(), "--output-dir", dir.resolve("out").toString(),
                "blob.yaml");

        assertThat(r.code()).as(r.out()).isEqualTo(Verdict.EXIT_PASS);
    }

    /**
     * Issue 16, item 11: what the CLI prints besides the summary (configuration and input errors) neutralises C1
     * controls, line breaks and direction overrides as the summary does.
     */
    @Test
    void shouldNeutraliseC1ControlsAndDirectionOverridesInErrorMessagesIssue16(@TempDir final Path dir) {
        Run r = MainTest.run("check", "--root", dir.toString(), "--policy", "p\u009B31m\u202Eevil\n.yaml",
                "deploy.yaml");

        assertThat(r.code()).isEqualTo(Verdict.EXIT_USAGE);
        assertThat(r.err()).contains("p[U+009B]31m[U+202E]evil .yaml").doesNotContain("\u009B", "\u202E")
                .hasLineCount(2);
    }
}
