package io.k8sgate.core.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.k8sgate.core.Baselines;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.baseline.BaselineStore;
import io.k8sgate.core.baseline.RedactionKey;
import io.k8sgate.core.policy.ConfigurationException;
import io.k8sgate.core.policy.Effect;
import io.k8sgate.core.policy.GateStatus;
import io.k8sgate.core.policy.Verdict;
import io.k8sgate.core.report.ConsoleSummary;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options in, a finished run out: the policy, the store lookup, the reports and the verdict's words. */
class GateRunnerTest {
    private static final Baselines.RecordOptions FORCED = new Baselines.RecordOptions(true, Optional.of("b1"),
            Optional.of("rev-1"));

    @TempDir
    Path root;

    private final GateRunner runner = new GateRunner();

    @BeforeEach
    void copyAPrivilegedPod() throws IOException {
        Files.createDirectories(root.resolve("deploy"));
        Files.copy(Fixtures.path("samples/privileged/pod.yaml"), root.resolve("deploy/pod.yaml"));
    }

    private GateOptions.Builder options() {
        return GateOptions.builder(root).manifests(List.of("deploy"));
    }

    @Test
    void shouldWriteTheDefaultReportsInTheRootAndSayWhereTheyAre() throws IOException {
        GateReport report = runner.run(options().build());

        Path dir = root.toAbsolutePath().resolve("k8s-security-reports");
        assertThat(report.reports()).containsExactly(dir.resolve("k8s-security-report.html"),
                dir.resolve("k8s-security-report.css"), dir.resolve("k8s-security-report.json"),
                dir.resolve("k8s-security-report.sarif")).allSatisfy(p -> assertThat(p).isNotEmptyFile());
        assertThat(report.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_FINDINGS);
        assertThat(report.where()).isEqualTo("Report: " + dir.resolve("k8s-security-report.html"));
        assertThat(report.verdict().message().lines()).last().asString().isEqualTo(report.where());
        assertThat(report.console()).startsWith("K8s Security Gate ").contains("K8S-WL-001", "deploy/pod.yaml:12");
    }

    @Test
    void shouldWriteNoReportWhenNoFormatIsChosen() throws IOException {
        GateReport report = runner.run(options().formats(List.of()).consoleFindings(0).build());

        assertThat(report.reports()).isEmpty();
        assertThat(root.resolve("k8s-security-reports")).doesNotExist();
        assertThat(report.verdict().message().lines()).last().asString().startsWith("No report written");
        assertThat(report.console()).doesNotContain("CRITICAL K8S-WL-001")
                .contains("  ... and 14 more finding(s) in the reports");
    }

    @Test
    void shouldCompareWithTheDefaultStoreOnceItExists() throws IOException {
        GateOptions options = options().build();
        assertThat(runner.evaluate(options).baseline()).isEmpty();
        try (BaselineStore store = GateRunner.openStore(options)) {
            assertThat(runner.record(options, store, FORCED).recorded()).isPresent();
        }

        GateOutcome compared = runner.evaluate(options);
        GateOutcome newOnly = runner.evaluate(options.toBuilder().newFindingsOnly(true).build());

        assertThat(root.resolve(".k8s-security/baselines")).isDirectory();
        assertThat(compared.baseline()).hasValueSatisfying(b -> assertThat(b.reference()).startsWith("baseline v1"));
        assertThat(compared.status()).isEqualTo(GateStatus.FAIL);
        assertThat(newOnly.status()).isEqualTo(GateStatus.PASS);
        assertThat(runner.evaluate(options.toBuilder().baseline("none").build()).baseline()).isEmpty();
    }

    @Test
    void shouldFailClosedWhenTheNamedStoreCannotBeRead() {
        GateOutcome outcome = runner.evaluate(options().baseline("gone").newFindingsOnly(true).build());

        assertThat(outcome.verdict().kind()).isEqualTo(Verdict.Kind.FAIL_ON_INPUT);
        assertThat(outcome.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("baseline-unreadable");
            assertThat(d.location().file()).endsWith("gone");
        });
    }

    @Test
    void shouldRefuseAStoreOutsideTheRootAndAGitUrlWithoutTheGitModule() {
        assertThatThrownBy(() -> runner.evaluate(options().baseline("../elsewhere").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("outside the root");
        assertThatThrownBy(() -> runner.evaluate(options().baseline("https://git.example.com/b.git").build()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("k8s-security-baseline-git");
    }

    @Test
    void shouldRecordIntoTheNamedStoreAndCompareTheCurrentInputsWithIt() throws IOException {
        GateOptions options = options().baseline("keep/baselines").build();
        try (BaselineStore store = GateRunner.openStore(options)) {
            runner.record(options, store, FORCED);
            Files.writeString(root.resolve("deploy/pod.yaml"), Files.readString(root.resolve("deploy/pod.yaml"))
                    .replace("privileged: true", "privileged: false"));

            assertThat(runner.diff(options, store).fixed()).isNotEmpty();
        }
        assertThat(root.resolve("keep/baselines/v000001.json")).isRegularFile();
    }

    @Test
    void shouldDigestSecretsWithTheKeyTheBuildEnvironmentNames() throws IOException {
        Files.copy(Fixtures.path("baselines/app/v1/secret.yaml"), root.resolve("deploy/secret.yaml"));
        String team = "the-team-key-from-the-ci-credential-store";
        String other = "another-agent-with-a-key-of-its-own-0123";
        GateOptions build = options().environment(Map.of(RedactionKey.VARIABLE, team)).build();
        try (BaselineStore store = GateRunner.openStore(build)) {
            assertThat(store.redactionKey().id()).isEqualTo(RedactionKey.of(team, "test").id());
            runner.record(build, store, FORCED);
        }

        String recorded = Files.readString(root.resolve(".k8s-security/baselines/v000001.json"));
        GateOutcome same = runner.evaluate(build);
        GateOutcome foreign = runner.evaluate(build.toBuilder().environment(Map.of(RedactionKey.VARIABLE, other))
                .build());

        assertThat(recorded).contains("(redacted hmac:" + RedactionKey.of(team, "test").id() + ":")
                .doesNotContain("correct-horse-battery-staple", "c3VwZXItc2VjcmV0LXRva2Vu");
        assertThat(same.baseline().orElseThrow().drift()).isEmpty();
        assertThat(foreign.baseline().orElseThrow().drift()).isNotEmpty().allSatisfy(c -> assertThat(c.security())
                .contains("not comparable: digested with another key"));
    }

    @Test
    void shouldRefuseAKeyTooShortNamedByTheBuildEnvironment() {
        GateOptions options = options().baseline("keep/baselines")
                .environment(Map.of(RedactionKey.VARIABLE, "short-key")).build();

        assertThatThrownBy(() -> GateRunner.openStore(options)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("keep/baselines").hasMessageContaining("at least " + RedactionKey.MIN_LENGTH)
                .hasMessageNotContaining("short-key");
    }

    @Test
    void shouldGiveEveryConsoleLineTheEffectOfWhatItShows() throws IOException {
        GateReport report = runner.run(options().failOn("CRITICAL").warnOn("MEDIUM").formats(List.of())
                .consoleFindings(100).build());

        List<ConsoleSummary.Line> findings = report.consoleLines().stream()
                .filter(l -> l.text().matches("  (CRITICAL|HIGH|MEDIUM|LOW|INFO) .*")).toList();
        assertThat(report.consoleLines().get(0)).isEqualTo(new ConsoleSummary.Line(Effect.FAILS,
                "K8s Security Gate " + report.outcome().toolVersion() + ": FAIL"));
        assertThat(findings).hasSize(report.outcome().findings().size())
                .anySatisfy(l -> assertThat(l.text()).startsWith("  LOW"))
                .allSatisfy(l -> assertThat(l.effect()).isEqualTo(l.text().startsWith("  CRITICAL") ? Effect.FAILS
                        : l.text().matches("  (HIGH|MEDIUM) .*") ? Effect.WARNS : Effect.NONE));
        assertThat(report.consoleLines()).filteredOn(l -> l.text().contains("resources in"))
                .extracting(ConsoleSummary.Line::effect).containsExactly(Effect.NONE);
        assertThat(report.console()).isEqualTo(ConsoleSummary.render(report.outcome(), 100));
    }

    @Test
    void shouldShowInputErrorsAsFailingOnlyWhenTheGateFailsClosed() throws IOException {
        Files.writeString(root.resolve("deploy/broken.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: [\n");

        GateReport closed = runner.run(options().formats(List.of()).build());
        GateReport open = runner.run(options().formats(List.of()).failOnInputError(false).failOn("NONE")
                .warnOn("NONE").build());

        assertThat(closed.consoleLines()).filteredOn(l -> l.text().startsWith("  ERROR deploy/broken.yaml"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.effect()).isEqualTo(Effect.FAILS));
        assertThat(open.verdict().kind()).isEqualTo(Verdict.Kind.WARN);
        assertThat(open.consoleLines()).filteredOn(l -> l.text().startsWith("  ERROR deploy/broken.yaml"))
                .isNotEmpty().allSatisfy(l -> assertThat(l.effect()).isEqualTo(Effect.WARNS));
        assertThat(open.consoleLines()).filteredOn(l -> l.effect() == Effect.FAILS).isEmpty();
    }
}
