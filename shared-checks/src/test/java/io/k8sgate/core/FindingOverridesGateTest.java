package io.k8sgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.k8sgate.core.baseline.BaselineReference;
import io.k8sgate.core.baseline.DirectoryStore;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.check.workload.HostPathVolumeCheck;
import io.k8sgate.core.check.workload.RestrictedVolumeTypeCheck;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.BaselineComparison;
import io.k8sgate.core.model.CheckMetadata;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.Severity;
import io.k8sgate.core.policy.CheckPolicy;
import io.k8sgate.core.policy.Policy;
import io.k8sgate.core.registry.CheckRegistry;
import io.k8sgate.fixtures.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One item, one finding, through the whole gate: the fixtures in {@code overrides/} mark each finding that remains,
 * with the checks it names ({@code # expect: K8S-WL-005 alsoViolates: K8S-WL-021}); the policy decides which
 * relations apply (a check turned off replaces nothing, a finding replaces only one at most as severe), exemptions
 * apply to the finding that remains, and a baseline recorded with both findings reads the replaced one as answered.
 */
class FindingOverridesGateTest {
    /** The checks of the relations: the findings of others do not matter here. */
    private static final Set<String> RELATED = Set.of("K8S-WL-001", "K8S-WL-005", "K8S-WL-007", "K8S-WL-010",
            "K8S-WL-021", "K8S-WL-022", "K8S-WL-026", "K8S-WL-027", "K8S-WL-028", "K8S-WL-063");
    private static final Pattern MARKER = Pattern.compile("#\\s*expect:\\s*(K8S-[A-Z]+-\\d{3})"
            + "(?:\\s+alsoViolates:\\s*(.*))?$");

    @TempDir
    Path temp;

    private static Policy policy(final Map<String, CheckPolicy> checks) {
        return new Policy("(test)", Optional.of(Severity.HIGH), Optional.of(Severity.MEDIUM), true, false, true,
                false, new KubernetesVersion(1, 35), checks, List.of());
    }

    private static GateOutcome run(final Path root, final String file, final Policy policy) {
        return new SecurityGate().run(GateRequest.of(root, List.of(file)).withPolicy(policy));
    }

    /** {@code line CHECK [also, ...]} for each marker of the file. */
    private static Set<String> expected(final Path file) throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.find()) {
                out.add((i + 1) + " " + m.group(1) + (m.group(2) == null ? "" : " [" + m.group(2).trim() + "]"));
            }
        }
        return out;
    }

    /** {@code line CHECK [also, ...]} for each finding of the related checks; suppressed ones marked. */
    private static Set<String> found(final GateOutcome outcome) {
        Set<String> out = new TreeSet<>();
        for (Finding f : outcome.findings()) {
            if (RELATED.contains(f.checkId())) {
                String also = f.properties().getOrDefault(FindingProperties.ALSO_VIOLATES, "");
                out.add(f.location().line() + " " + f.checkId() + (also.isEmpty() ? "" : " [" + also + "]")
                        + (f.isSuppressed() ? " suppressed" : ""));
            }
        }
        return out;
    }

    @Test
    void shouldReportEachItemOnceNamingTheChecksItAlsoViolates() throws IOException {
        for (String file : List.of("overrides/replaced.yaml", "overrides/distinct-items.yaml")) {
            GateOutcome outcome = run(Fixtures.root(), file, policy(Map.of()));

            assertThat(found(outcome)).as(file).isEqualTo(expected(Fixtures.path(file)));
        }
    }

    @Test
    void shouldAnswerThePeersOfTheChecksTheFindingNames() {
        GateOutcome outcome = run(Fixtures.root(), "overrides/replaced.yaml", policy(Map.of()));

        Finding socket = outcome.findings().stream().filter(f -> f.checkId().equals("K8S-WL-063")).findFirst()
                .orElseThrow();
        assertThat(FindingProperties.answeredChecks(socket)).containsExactly("K8S-WL-063", "K8S-WL-005",
                "K8S-WL-021");
    }

    @Test
    void shouldKeepTheFindingWhenTheCheckThatWouldReplaceItIsOff() {
        GateOutcome outcome = run(Fixtures.root(), "overrides/replaced.yaml", policy(Map.of(
                "K8S-WL-005", new CheckPolicy(Optional.of(false), Optional.empty(), Map.of()),
                "K8S-WL-001", new CheckPolicy(Optional.of(false), Optional.empty(), Map.of()))));

        // without the privileged finding, the container's own findings point where the fields belong
        assertThat(found(outcome)).contains("39 K8S-WL-021", "43 K8S-WL-063 [K8S-WL-021]", "20 K8S-WL-022",
                "22 K8S-WL-026").noneMatch(s -> s.contains("K8S-WL-005") || s.contains("K8S-WL-001"));
    }

    @Test
    void shouldKeepBothWhenThePolicyRatesTheReplacedCheckMoreSevere() {
        GateOutcome outcome = run(Fixtures.root(), "overrides/replaced.yaml", policy(Map.of(
                "K8S-WL-027", new CheckPolicy(Optional.empty(), Optional.of(Severity.CRITICAL), Map.of()))));

        assertThat(found(outcome)).contains("24 K8S-WL-007", "24 K8S-WL-027")
                .noneMatch(s -> s.startsWith("24 ") && s.contains("alsoViolates"));
        assertThat(outcome.decision().status()).isEqualTo(io.k8sgate.core.policy.GateStatus.FAIL);
    }

    @Test
    void shouldCoverTheItemWhenTheFindingThatRemainsIsExempted() throws IOException {
        String text = Files.readString(Fixtures.path("overrides/replaced.yaml"), StandardCharsets.UTF_8)
                .replace("  namespace: monitoring\n", "  namespace: monitoring\n  annotations:\n"
                        + "    k8sgate.io/exempt.K8S-WL-001: \"the node agent reads every process\"\n");
        Files.writeString(temp.resolve("agent.yaml"), text, StandardCharsets.UTF_8);

        GateOutcome outcome = run(temp, "agent.yaml", policy(Map.of()));

        assertThat(found(outcome)).contains("23 K8S-WL-001 [K8S-WL-022, K8S-WL-026] suppressed")
                .noneMatch(s -> s.matches("\\d+ K8S-WL-02[26].*"));
    }

    @Test
    void shouldReadABaselineThatRecordedBothFindingsAsAnsweredByTheOneThatRemains() {
        // the gate as it was before the relation: the same two checks, the hostPath one overriding nothing
        Check unrelated = new Check() {
            private final Check delegate = new HostPathVolumeCheck();

            @Override
            public CheckMetadata metadata() {
                CheckMetadata m = delegate.metadata();
                return CheckMetadata.of(m.id(), m.title(), m.severity(), m.category());
            }

            @Override
            public List<Finding> evaluate(final CheckContext context) {
                return delegate.evaluate(context);
            }
        };
        SecurityGate before = new SecurityGate(new CheckRegistry(List.of(unrelated,
                new RestrictedVolumeTypeCheck())), new ManifestLoader());
        SecurityGate now = new SecurityGate(new CheckRegistry(List.of(new HostPathVolumeCheck(),
                new RestrictedVolumeTypeCheck())), new ManifestLoader());
        GateRequest request = GateRequest.of(Fixtures.root(), List.of("overrides/distinct-items.yaml"));
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        new Baselines(before).record(request, store, new Baselines.RecordOptions(true, Optional.empty(),
                Optional.empty()));
        assertThat(store.read(1).content().findings()).hasSize(5); // nfs, and two hostPath volumes twice

        GateOutcome outcome = now.run(request.withBaseline(BaselineReference.latest(store)));
        BaselineComparison compared = outcome.baseline().orElseThrow();

        assertThat(outcome.findings()).hasSize(3);
        assertThat(compared.fixed()).isEmpty();
        assertThat(compared.outstanding()).containsExactlyInAnyOrderElementsOf(outcome.findings().stream()
                .map(Finding::fingerprint).toList());
        assertThat(new Baselines(now).diff(request, store, java.util.OptionalLong.empty()).fixed()).isEmpty();
    }
}
