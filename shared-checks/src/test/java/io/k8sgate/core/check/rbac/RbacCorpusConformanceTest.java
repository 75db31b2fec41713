package io.k8sgate.core.check.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.input.ApiServerValidation;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Category;
import io.k8sgate.core.model.Diagnostic;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.registry.CheckRegistry;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compares the RBAC checks with the expectations of other tools' test suites ({@code -Dk8s.corpus=PATH}, folder
 * {@code rbac/<peer>/expectations.jsonl}). Where a row carries {@code semantic_expect} (the peer disagrees with
 * Kubernetes RBAC semantics) that is the truth. Remaining disagreements must be listed, with the Kubernetes rule
 * that justifies them, in {@code intended-differences.txt}; agreement per peer must reach 95%. A peer's rule is
 * answered by one of our checks for it, or by our root-cause finding (everything, a wildcard) when that names the
 * check among the ones its implied permissions answer: the narrower checks do not repeat what a root cause implies.
 */
class RbacCorpusConformanceTest {
    private static final double REQUIRED = 0.95;
    /**
     * Raw agreement each peer must keep (before the reviewed list), at what the gate reaches now: a row agrees when a
     * finding of ours answers the peer's rule as the peer does, or when the peer expects a failure and the gate fails
     * closed on the object because the API server refuses it (a misspelt kind, a ClusterRoleBinding that refers to a
     * Role); a refused object the peer passes is a difference. Every differing row is a peer result the Kubernetes
     * rules contradict, listed with the rule. trivy-checks (16 rows): impersonate on resources other than identities
     * (6), resourceNames with create or deletecollection (2), impersonating groups through a Role (1), deletecollection
     * counted as creating pods (1), bind and escalate looked for on bindings (1), system:authenticated outside GKE
     * (1), patch without get (1), a wildcard verb on a resource outside the peer's list (1), a RoleBinding to a Role
     * named cluster-admin (1), a refused ClusterRoleBinding the peer passes (1). checkov (7 rows): resources or
     * subresources named under an API group that does not serve them (3), rules whose verbs no request carries (2),
     * get on nodes/proxy cluster-wide (1), a refused ClusterRoleBinding the peer passes (1).
     */
    private static final Map<String, Double> RAW_FLOOR = Map.of("checkov", 0.86, "trivy-checks", 0.90);
    /** Raw agreement of the findings alone (an object the API server refuses counted as passing). */
    private static final Map<String, Double> RAW_FLOOR_FINDINGS = Map.of("checkov", 0.88, "trivy-checks", 0.88);
    /** Each peer's folder in the corpus and the tool name the catalogue lists its equivalents under. */
    private static final Map<String, String> TOOLS = Map.of("trivy-checks", "trivy", "checkov", "checkov");
    /**
     * Each peer rule and the checks of ours that report the same risk: the catalogue's equivalents, so that a rule the
     * catalogue does not list under a check is not counted as covered.
     */
    private static final Map<String, Set<String>> MAPPING = mapping();

    /**
     * The peer rules no check of ours answers, each with the Kubernetes reason; the suite fails when another rule of
     * the corpus has no equivalent, so a gap is decided rather than overlooked.
     */
    private static final Map<String, String> UNCOVERED = Map.of(
            "trivy-checks KSV042", "pods/log serves only get: delete and deletecollection on it authorise no request, "
                    + "and container logs are removed on the node, not through the API "
                    + "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/"
                    + "#get-read-log-of-the-specified-pod",
            "checkov CKV_K8S_41", "a token reaches a process only through a pod: K8S-WL-060 reports every pod that "
                    + "mounts one, following automountServiceAccountToken of the pod and of its ServiceAccount "
                    + "(default included), and K8S-RBAC-017 reports roles bound to a default service account; a "
                    + "ServiceAccount object that no pod uses mounts nothing "
                    + "https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/"
                    + "#opt-out-of-api-credential-automounting");

    private record Row(String peer, String file, String rule, String expected, String target, String scanDir) {
    }

    /**
     * Counts of one peer or rule: covered rows, rows where the gate's outcome agrees (a finding of ours, or the
     * object refused as input the API server rejects), rows where our findings alone agree, and differing rows on the
     * reviewed list.
     */
    private record Tally(int covered, int agree, int agreeByFindings, int intended) {
        Tally add(final boolean agreed, final boolean findingsAgree, final boolean known) {
            return new Tally(covered + 1, agree + (agreed ? 1 : 0), agreeByFindings + (findingsAgree ? 1 : 0),
                    intended + (known ? 1 : 0));
        }

        double raw() {
            return covered == 0 ? 1.0 : agree / (double) covered;
        }

        double rawByFindings() {
            return covered == 0 ? 1.0 : agreeByFindings / (double) covered;
        }

        double ratio() {
            return covered == 0 ? 1.0 : (agree + intended) / (double) covered;
        }
    }

    @Test
    void shouldAgreeWithEachPeerOnAtLeast95PercentOfItsCases() throws IOException {
        String corpus = System.getProperty("k8s.corpus", "");
        Assumptions.assumeTrue(!corpus.isBlank(),
                "RBAC conformance skipped: set -Dk8s.corpus=PATH (the folder that holds "
                        + "rbac/<peer>/expectations.jsonl)");
        Path root = Paths.get(corpus).resolve("rbac");
        Assumptions.assumeTrue(Files.isDirectory(root), "RBAC conformance skipped: no folder " + root);

        Map<String, String> intended = intendedDifferences();
        Map<String, Tally> perPeer = new TreeMap<>();
        Map<String, Tally> perRule = new TreeMap<>();
        Map<String, Integer> uncovered = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> stale = new ArrayList<>(intended.keySet());
        for (Row row : rows(root)) {
            Set<String> ours = MAPPING.get(row.rule());
            if (ours == null) {
                uncovered.merge(row.peer() + " " + row.rule(), 1, Integer::sum);
                continue;
            }
            Outcome outcome = outcome(root.resolve(row.peer()), row, ours);
            boolean fails = outcome.finding() || outcome.refused();
            boolean agreed = fails == "fail".equals(row.expected());
            boolean findingsAgree = outcome.finding() == "fail".equals(row.expected());
            String key = row.peer() + "|" + row.file();
            boolean known = !agreed && intended.containsKey(key);
            if (agreed || known) {
                stale.remove(key);
            }
            if (!agreed && !known) {
                disagreements.add(row.peer() + " " + row.file() + ": expected " + row.expected() + ", ours "
                        + (outcome.refused() ? "fail (input refused)" : fails ? "fail" : "pass"));
            }
            if (outcome.refused()) {
                refused.add(row.peer() + " " + row.file() + " (expected " + row.expected() + ")");
            }
            perPeer.merge(row.peer(), new Tally(0, 0, 0, 0).add(agreed, findingsAgree, known),
                    RbacCorpusConformanceTest::sum);
            perRule.merge(row.peer() + " " + row.rule() + " -> " + String.join(",", new java.util.TreeSet<>(ours)),
                    new Tally(0, 0, 0, 0).add(agreed, findingsAgree, known), RbacCorpusConformanceTest::sum);
        }
        print(perPeer, perRule, uncovered, disagreements, refused);

        assertThat(perPeer).isNotEmpty();
        assertThat(stale).as("intended differences that no longer differ (remove them)").isEmpty();
        assertThat(uncovered.keySet()).as("peer rules without an equivalent check, each decided in UNCOVERED")
                .isEqualTo(UNCOVERED.keySet());
        perPeer.forEach((peer, t) -> assertThat(t.ratio()).as("agreement with %s (%s)", peer, disagreements)
                .isGreaterThanOrEqualTo(REQUIRED));
        perPeer.forEach((peer, t) -> assertThat(t.raw()).as("raw agreement with %s", peer)
                .isGreaterThanOrEqualTo(RAW_FLOOR.get(peer)));
        perPeer.forEach((peer, t) -> assertThat(t.rawByFindings()).as("raw agreement of the findings with %s", peer)
                .isGreaterThanOrEqualTo(RAW_FLOOR_FINDINGS.get(peer)));
    }

    private static Map<String, Set<String>> mapping() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Check check : CheckRegistry.defaultRegistry().all()) {
            for (String tool : TOOLS.values()) {
                check.metadata().equivalents().getOrDefault(tool, List.of()).forEach(rule -> out
                        .computeIfAbsent(rule, r -> new java.util.TreeSet<>()).add(check.metadata().id()));
            }
        }
        return out;
    }

    private static Tally sum(final Tally a, final Tally b) {
        return new Tally(a.covered() + b.covered(), a.agree() + b.agree(), a.agreeByFindings() + b.agreeByFindings(),
                a.intended() + b.intended());
    }

    /**
     * What the gate does with a row's object: a finding of one of our checks for the peer's rule, and whether the
     * object is refused as input the API server rejects (the gate fails closed on it, exit 3).
     */
    private record Outcome(boolean finding, boolean refused) {
    }

    private static Outcome outcome(final Path peerDir, final Row row, final Set<String> ours) throws IOException {
        List<K8sObject> objects = new ArrayList<>();
        Path input = row.scanDir().isEmpty() ? peerDir.resolve(row.file()) : peerDir.resolve(row.scanDir());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(input)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
        for (Path file : files) {
            objects.addAll(new ManifestLoader().parse(peerDir.relativize(file).toString(), Files.readString(file),
                    d -> { }));
        }
        List<Diagnostic> problems = new ArrayList<>();
        objects.stream().filter(o -> (o.kind() + "/" + o.name()).equals(row.target()))
                .forEach(o -> ApiServerValidation.checkObject(o, problems::add));
        boolean refused = !problems.isEmpty();
        CheckContext context = CheckContext.of(objects, CheckSettings.DEFAULT);
        for (Check check : CheckRegistry.defaultRegistry().all()) {
            if (!ours.contains(check.metadata().id()) && check.metadata().category() != Category.RBAC) {
                continue; // the RBAC checks are evaluated for the root causes that answer a narrower rule
            }
            for (Finding f : check.evaluate(context)) {
                if ((f.resource().kind() + "/" + f.resource().name()).equals(row.target()) && answers(f, ours)) {
                    return new Outcome(true, refused);
                }
            }
        }
        return new Outcome(false, refused);
    }

    /**
     * True when the finding is one of our checks for the peer's rule, or a root cause (everything, a wildcard) that
     * names one of them among the checks its implied permissions answer.
     */
    private static boolean answers(final Finding finding, final Set<String> ours) {
        return FindingProperties.answeredChecks(finding).stream().anyMatch(ours::contains);
    }

    private static List<Row> rows(final Path root) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        List<Path> peers;
        try (Stream<Path> list = Files.list(root)) {
            peers = list.filter(p -> Files.exists(p.resolve("expectations.jsonl"))).sorted().toList();
        }
        for (Path peer : peers) {
            for (String line : Files.readAllLines(peer.resolve("expectations.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                String expected = n.path("semantic_expect").asText(n.path("expect").asText());
                String target = n.path("binding").asText(n.path("role").asText(""));
                if (target.isEmpty()) {
                    String[] parts = n.path("resource").asText("").split("\\.", 3);
                    target = parts.length == 3 ? parts[0] + "/" + parts[2] : "";
                }
                String scanDir = n.has("scan_dir") ? n.path("file").asText().split("/", -1)[0] : "";
                rows.add(new Row(peer.getFileName().toString(), n.path("file").asText(), n.path("rule").asText(),
                        expected, target, scanDir));
            }
        }
        return rows;
    }

    /** {@code peer|file} to the Kubernetes rule that makes our result the right one. */
    private static Map<String, String> intendedDifferences() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = RbacCorpusConformanceTest.class.getResourceAsStream("intended-differences.txt")) {
            assertThat(in).as("intended-differences.txt").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                assertThat(parts).as("peer<TAB>file<TAB>Kubernetes rule: %s", line).hasSize(3);
                assertThat(parts[2]).as("the reason cites the Kubernetes rule: %s", line).contains("https://");
                out.put(parts[0] + "|" + parts[1], parts[2]);
            }
        }
        return out;
    }

    @SuppressWarnings("PMD.SystemPrintln") // the agreement table is the test's report, asked for on the console
    private static void print(final Map<String, Tally> perPeer, final Map<String, Tally> perRule,
            final Map<String, Integer> uncovered, final List<String> disagreements, final List<String> refused) {
        StringBuilder sb = new StringBuilder("\nRBAC conformance: raw = rows where the gate agrees (a finding for "
                + "the rule, or the object refused as input the API server rejects) / covered rows; findings = "
                + "rows where our findings alone agree; after = (agree + reviewed difference) / covered rows\n");
        sb.append(String.format("%-14s %7s %6s %7s %9s %9s %7s%n", "peer", "covered", "agree", "raw", "findings",
                "reviewed", "after"));
        perPeer.forEach((peer, t) -> sb.append(String.format("%-14s %7d %6d %6.1f%% %8.1f%% %9d %6.1f%%%n", peer,
                t.covered(), t.agree(), 100 * t.raw(), 100 * t.rawByFindings(), t.intended(), 100 * t.ratio())));
        sb.append("\nper peer rule -> our checks (agree/covered, raw, reviewed, after)\n");
        perRule.forEach((rule, t) -> sb.append(String.format("%-58s %3d/%-3d %6.1f%% %+3d %6.1f%%%n", rule,
                t.agree(), t.covered(), 100 * t.raw(), t.intended(), 100 * t.ratio())));
        sb.append("\npeer rules without an equivalent check (not counted): ").append(uncovered).append('\n');
        sb.append("rows whose object the API server refuses (the gate fails closed on it): ").append(refused.size())
                .append('\n');
        refused.forEach(r -> sb.append("  ").append(r).append('\n'));
        sb.append("unlisted disagreements: ").append(disagreements.size()).append('\n');
        disagreements.forEach(d -> sb.append("  ").append(d).append('\n'));
        System.out.println(sb);
    }
}
