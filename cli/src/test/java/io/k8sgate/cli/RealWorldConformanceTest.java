package io.k8sgate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.GateOutcome;
import io.k8sgate.core.SecurityGate;
import io.k8sgate.core.frontend.GateOptions;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.model.RenderedObject;
import io.k8sgate.core.model.RenderedSource;
import io.k8sgate.core.policy.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Runs the gate over whole public repositories as their users keep them ({@code real-world/} of the conformance
 * corpus: Kustomize bases and overlays, a Helm chart, release bundles, example folders) and holds it to every row of
 * {@code expectations.jsonl}: inputs accepted or refused clearly, the objects rendering yields, the risks that must
 * be reported (on the object, and in the file a person edits) and those that must not.
 *
 * <p>A row that does not hold is listed, with its reason, in {@code conformance/real-world-reviewed.tsv}; a listed row
 * that holds again fails the suite too, so the list stays short and true. Each case is run as a user runs it, through
 * the same options the command line builds; the chart is rendered with the release the corpus names.
 *
 * <p>Noise has a number: per case the suite prints findings per resource and the share of findings that are root
 * causes. A root cause is one check's fact about one object; the same check repeated on that object (per container,
 * per rule, per port) is the same cause read again.
 */
class RealWorldConformanceTest {
    /** The checks that report each property of the corpus's table. */
    private static final Map<String, Set<String>> PROPERTIES = Map.ofEntries(
            Map.entry("privileged", Set.of("K8S-WL-001")),
            Map.entry("hostPath", Set.of("K8S-WL-005")),
            Map.entry("docker-socket", Set.of("K8S-WL-063")),
            Map.entry("hostNetwork", Set.of("K8S-WL-002")),
            Map.entry("hostPID", Set.of("K8S-WL-003")),
            Map.entry("hostIPC", Set.of("K8S-WL-004")),
            Map.entry("runAsRoot-allowed", Set.of("K8S-WL-023")),
            Map.entry("privilege-escalation-allowed", Set.of("K8S-WL-022")),
            Map.entry("capabilities-added-dangerous", Set.of("K8S-WL-007", "K8S-WL-027")),
            Map.entry("secrets-read-rbac", Set.of("K8S-RBAC-007")),
            Map.entry("wildcard-rbac", Set.of("K8S-RBAC-001", "K8S-RBAC-002")),
            Map.entry("cluster-admin-binding", Set.of("K8S-RBAC-001")),
            Map.entry("pods-exec-rbac", Set.of("K8S-RBAC-009")),
            Map.entry("escalate-bind-rbac", Set.of("K8S-RBAC-005")),
            Map.entry("impersonate-rbac", Set.of("K8S-RBAC-006")),
            Map.entry("nodes-proxy-rbac", Set.of("K8S-RBAC-010")),
            Map.entry("service-nodeport", Set.of("K8S-NET-001")),
            Map.entry("loadbalancer-open", Set.of("K8S-NET-002")),
            Map.entry("no-networkpolicy", Set.of("K8S-NET-005")),
            Map.entry("latest-tag", Set.of("K8S-WL-055")),
            Map.entry("no-resource-limits", Set.of("K8S-WL-052", "K8S-WL-054")));

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldHoldEveryRowOfTheRealWorldCorpusOrListItAsReviewed() throws IOException {
        String property = System.getProperty("k8s.corpus", "").trim();
        assumeTrue(!property.isEmpty(), "Conformance corpus not given: run with -Dk8s.corpus=../shared/corpus "
                + "(.ci/run does) to run the real-world suite");
        Path corpus = Paths.get(property).toAbsolutePath().resolve("real-world");
        assumeTrue(Files.isDirectory(corpus), "Corpus folder " + corpus + " does not exist: suite skipped");

        Map<String, List<JsonNode>> cases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(corpus.resolve("expectations.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                cases.computeIfAbsent(row.path("case").asText(), k -> new ArrayList<>()).add(row);
            }
        }
        Map<String, String> reviewed = reviewed();
        List<String> unexplained = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        int rows = 0;
        int holds = 0;
        int listed = 0;
        Noise total = new Noise(0, 0, 0);
        StringBuilder table = new StringBuilder("\nReal-world conformance (").append(corpus).append(")\n");
        SecurityGate gate = new SecurityGate();
        for (Map.Entry<String, List<JsonNode>> c : cases.entrySet()) {
            GateOutcome outcome = run(gate, corpus, c.getKey(), c.getValue());
            Noise noise = Noise.of(outcome);
            total = total.plus(noise);
            table.append(String.format("%n%-62s %d objects, %d findings, %d input errors, %s%n", c.getKey(),
                    outcome.resources().size(), outcome.findings().size(),
                    outcome.diagnostics().stream().filter(Diagnostic::isError).count(), noise));
            for (JsonNode row : c.getValue()) {
                rows++;
                Optional<String> failure = judge(row, outcome);
                String key = key(row);
                String verdict;
                if (failure.isEmpty()) {
                    holds++;
                    verdict = "holds";
                    if (reviewed.containsKey(key)) {
                        stale.add(key + " holds now: remove it from real-world-reviewed.tsv");
                    }
                } else if (reviewed.containsKey(key)) {
                    listed++;
                    verdict = "REVIEWED (" + reviewed.get(key) + "): " + failure.get();
                } else {
                    verdict = "FAILS: " + failure.get();
                    unexplained.add(c.getKey() + " " + describe(row) + ": " + failure.get());
                }
                table.append(String.format("  %-58s %s%n", describe(row), verdict));
            }
        }
        table.append(String.format("%nRows: %d, hold: %d, reviewed: %d, failing: %d%nAll cases: %s%n", rows, holds,
                listed, unexplained.size(), total));
        System.out.println(table);
        assertThat(rows).as("rows of expectations.jsonl").isEqualTo(80);
        assertThat(unexplained).as("rows that do not hold and are not reviewed%s", table).isEmpty();
        assertThat(stale).as("reviewed rows that hold again").isEmpty();
        assertThat(total.findings()).as("findings over the corpus").isPositive();
        assertThat(total.rootCauses()).as("root causes are at most the findings").isBetween(1, total.findings());
    }

    /**
     * Google's microservices-demo release bundle is hardened (non-root, read-only root, capabilities dropped, seccomp
     * RuntimeDefault); its one public entry point is the frontend LoadBalancer. Under the default policy, as a user
     * runs {@code k8s-security check}, it passes with warnings; each warning stays below the failure threshold.
     */
    @Test
    void shouldPassMicroservicesDemoReleaseUnderTheDefaultPolicyWithWarnings() {
        String property = System.getProperty("k8s.corpus", "").trim();
        assumeTrue(!property.isEmpty(), "Conformance corpus not given: run with -Dk8s.corpus=../shared/corpus");
        Path corpus = Paths.get(property).toAbsolutePath().resolve("real-world");
        Path release = corpus.resolve("microservices-demo/release/kubernetes-manifests.yaml");
        assumeTrue(Files.isRegularFile(release), "Corpus file " + release + " does not exist: test skipped");

        SecurityGate gate = new SecurityGate();
        GateOptions options = GateOptions.builder(corpus)
                .manifests(List.of("microservices-demo/release/kubernetes-manifests.yaml")).build();
        GateOutcome outcome = gate.run(options.toRequest(gate.checkIds()));

        assertThat(outcome.diagnostics().stream().filter(Diagnostic::isError)).as("input errors").isEmpty();
        assertThat(outcome.resources()).as("objects of the release bundle").hasSizeGreaterThanOrEqualTo(30);
        assertThat(outcome.verdict().kind()).as("verdict, findings: %s", outcome.findings().stream()
                .map(f -> f.checkId() + " " + f.severity() + " " + f.resource().name()).toList())
                .isEqualTo(Verdict.Kind.WARN);
        assertThat(outcome.findings()).as("the open frontend LoadBalancer is among the warnings")
                .anyMatch(f -> "K8S-NET-002".equals(f.checkId()) && "frontend-external".equals(f.resource().name()));
    }

    /** Findings, objects and root causes of one run (a root cause: one check on one object). */
    private record Noise(int findings, int resources, int rootCauses) {
        static Noise of(final GateOutcome outcome) {
            long causes = outcome.findings().stream().map(f -> f.checkId() + "|" + f.resource()).distinct()
                    .count();
            return new Noise(outcome.findings().size(), outcome.resources().size(), (int) causes);
        }

        Noise plus(final Noise other) {
            return new Noise(findings + other.findings, resources + other.resources, rootCauses + other.rootCauses);
        }

        @Override
        public String toString() {
            return String.format("%.2f findings per resource, %d root causes (%.1f%% of findings)",
                    resources == 0 ? 0.0 : (double) findings / resources, rootCauses,
                    findings == 0 ? 100.0 : 100.0 * rootCauses / findings);
        }
    }

    /** Runs one case as the command line runs it: the case folder as the PATH, below the corpus folder. */
    private static GateOutcome run(final SecurityGate gate, final Path corpus, final String name,
            final List<JsonNode> rows) {
        Optional<String> release = rows.stream().map(r -> r.path("helm_release").asText("")).filter(r -> !r.isEmpty())
                .findFirst().or(() -> rows.stream().anyMatch(r -> "helm".equals(r.path("how").asText()))
                        ? Optional.of("rel") : Optional.empty());
        GateOptions options = GateOptions.builder(corpus).manifests(List.of(name)).enableAll(true)
                .release(release.orElse(null)).build();
        return gate.run(options.toRequest(gate.checkIds()));
    }

    /** Why a row does not hold, or empty when it holds. */
    private static Optional<String> judge(final JsonNode row, final GateOutcome outcome) {
        List<Diagnostic> errors = outcome.diagnostics().stream().filter(Diagnostic::isError).toList();
        switch (row.path("kind").asText()) {
            case "input":
                if ("no-input-error".equals(row.path("expect").asText())) {
                    return errors.isEmpty() ? Optional.empty() : Optional.of("input errors: " + errors.stream()
                            .limit(3).map(Diagnostic::toString).toList());
                }
                for (JsonNode mention : row.path("mentions")) {
                    if (errors.stream().noneMatch(d -> d.toString().contains(mention.asText()))) {
                        return Optional.of("no input error mentions " + mention.asText() + " (errors: "
                                + errors.stream().limit(3).map(Diagnostic::toString).toList() + ")");
                    }
                }
                return errors.isEmpty() ? Optional.of("no input error") : Optional.empty();
            case "render":
                long hooks = outcome.inputs().rendered().stream().map(RenderedSource::objects).flatMap(List::stream)
                        .filter(RenderedObject::isHook).count();
                long objects = outcome.resources().size() - hooks;
                int min = row.path("expect_objects_min").asInt();
                return objects >= min ? Optional.empty()
                        : Optional.of(objects + " objects (" + hooks + " hooks left out), expected at least " + min);
            case "risk":
                return risk(row, outcome);
            default:
                return Optional.of("unknown row kind " + row.path("kind").asText());
        }
    }

    private static Optional<String> risk(final JsonNode row, final GateOutcome outcome) {
        Set<String> checks = PROPERTIES.get(row.path("property").asText());
        if (checks == null) {
            return Optional.of("no check covers property " + row.path("property").asText());
        }
        String[] resource = row.path("resource").asText().split("/", 3);
        String container = row.path("container").asText("");
        boolean namespaceWide = "namespace-has-none".equals(row.path("scope").asText());
        // a root cause (everything, a wildcard) answers the narrower checks it names as implied, and a finding that
        // replaces another check's on the same item answers that check too
        List<Finding> matching = outcome.findings().stream()
                .filter(f -> FindingProperties.answeredChecks(f).stream().anyMatch(checks::contains))
                .filter(f -> (f.resource().kind().equals(resource[0]) && sameNamespace(f.resource().namespace(),
                        resource[1]) && f.resource().name().equals(resource[2]))
                        || (namespaceWide && f.resource().kind().equals("Namespace")
                                && f.resource().name().equals(resource[1])))
                .filter(f -> container.isEmpty() || f.container().isEmpty() || f.container().equals(container))
                .toList();
        String source = row.path("source").asText();
        String sourceFile = source.contains(":") ? source.substring(0, source.lastIndexOf(':')) : source;
        if ("absent".equals(row.path("expect").asText())) {
            return matching.isEmpty() ? Optional.empty() : Optional.of("reported: " + matching.get(0).checkId() + " "
                    + matching.get(0).location() + " " + matching.get(0).message());
        }
        if (matching.isEmpty()) {
            return Optional.of("not reported");
        }
        // the finding must lead to the file a person edits: the base, patch, template or values file of the row
        if (matching.stream().noneMatch(f -> f.location().file().equals(sourceFile))) {
            return Optional.of("reported at " + matching.stream().map(f -> f.location().toString()).distinct()
                    .limit(3).toList() + ", not in " + sourceFile);
        }
        return Optional.empty();
    }

    private static boolean sameNamespace(final String found, final String expected) {
        return found.equals(expected) || ("default".equals(expected) && found.isEmpty());
    }

    private static String describe(final JsonNode row) {
        switch (row.path("kind").asText()) {
            case "input":
                return "input " + row.path("expect").asText();
            case "render":
                return "render " + row.path("how").asText() + " >= " + row.path("expect_objects_min").asInt();
            default:
                String container = row.path("container").asText("");
                return row.path("expect").asText() + " " + row.path("property").asText() + " "
                        + row.path("resource").asText() + (container.isEmpty() ? "" : " [" + container + "]");
        }
    }

    /** The key of a row in the reviewed list: case, then the row as {@link #describe} writes it. */
    private static String key(final JsonNode row) {
        return row.path("case").asText() + "\t" + describe(row);
    }

    private Map<String, String> reviewed() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/conformance/real-world-reviewed.tsv")) {
            assertThat(in).as("conformance/real-world-reviewed.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                assertThat(parts).as("a reviewed row is: case, row, reason (tab-separated): %s", line).hasSize(3);
                assertThat(parts[2]).as("reason of %s", line).isNotBlank();
                out.put(parts[0] + "\t" + parts[1], parts[2]);
            }
        }
        return out;
    }
}
