package io.k8sgate.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.check.Check;
import io.k8sgate.core.check.CheckContext;
import io.k8sgate.core.check.CheckSettings;
import io.k8sgate.core.check.KubernetesVersion;
import io.k8sgate.core.engine.FindingOverrides;
import io.k8sgate.core.input.K8sObject;
import io.k8sgate.core.input.ManifestLoader;
import io.k8sgate.core.model.Finding;
import io.k8sgate.core.model.FindingProperties;
import io.k8sgate.core.registry.CheckRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine over the peers' own manifest test cases (../shared/corpus/manifests) and measures agreement with
 * each peer on the security properties our checks cover.
 *
 * <p>A peer row is covered when one of our checks names the peer's check among its equivalents. Our verdict for the
 * row is "fail" when any covering check reports the row's object (for file-level rows: any candidate). Rows where we
 * differ on purpose are listed, with the Kubernetes rule that decides them and a link to it, in
 * {@code conformance/manifest-intended-differences.tsv};
 * the table prints, per peer and property, raw agreement (every covered row) and agreement once those are set aside.
 * The assertions: 95 % after review per peer, raw agreement at least {@link #RAW_FLOOR} of each peer, and no listed
 * row that agrees again.
 *
 * <p>A row the peer graded "skipped" is no verdict of the peer and is left out (and counted). A row recorded with the
 * peer running under a non-default option is scored with our equivalent setting ({@link #PEER_OPTIONS}).
 */
class ManifestCorpusConformanceTest {
    private static final double REQUIRED = 0.95;
    /**
     * Raw agreement each peer must keep: what the checks reach now, so a change that loses agreement with a peer is
     * seen. kube-score's 6 differing rows are all on the reviewed list: 3 ask for requests the API server copies from
     * the limits, 2 accept a PodSecurityPolicy annotation that sets no profile, 1 accepts a liveness probe on one
     * container for another.
     */
    private static final Map<String, Double> RAW_FLOOR = Map.of("trivy-checks", 0.92, "kube-linter", 1.0,
            "kube-score", 0.91);
    /** A peer option recorded in a row's config, and the checks of ours a user turns off for the same effect. */
    private static final Map<String, Set<String>> PEER_OPTIONS = Map.of(
            "IgnoreContainerCpuLimitRequirement: true", Set.of("K8S-WL-052"),
            "IgnoreContainerMemoryLimitRequirement: true", Set.of("K8S-WL-054"));
    private static final Map<String, String> PEER_KEYS = Map.of("trivy-checks", "trivy", "kube-score", "kube-score",
            "kube-linter", "kube-linter");
    private static final Pattern K8S_VERSION = Pattern.compile("k8s=(\\d+\\.\\d+)|Major: (\\d+), Minor: (\\d+)");

    private final ObjectMapper json = new ObjectMapper();
    private final ManifestLoader loader = new ManifestLoader();
    private final List<Check> checks = CheckRegistry.defaultRegistry().all();

    @Test
    void shouldAgreeWithEachPeerOnCoveredSecurityProperties() throws IOException {
        Path corpus = Corpus.require("manifests");
        Map<String, String> intended = intendedDifferences();
        Map<String, Tally> perPeer = new TreeMap<>();
        Map<String, Tally> perProperty = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        List<String> stale = new ArrayList<>(intended.keySet());
        Map<String, List<Finding>> cache = new HashMap<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (String peer : PEER_KEYS.keySet().stream().sorted().toList()) {
            Path dir = corpus.resolve(peer);
            for (String line : Files.readAllLines(dir.resolve("expectations.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                String property = row.path("property").asText();
                if (isNonSecurity(property) || property.startsWith("rbac-")) {
                    // RBAC rows are the same peer tests the RBAC corpus holds, where RbacCorpusConformanceTest
                    // scores them with the corpus's Kubernetes-semantics expectations
                    continue;
                }
                String config = row.path("config").asText("");
                Set<String> turnedOff = turnedOff(config);
                List<Check> covering = covering(peer, row.path("check").asText()).stream()
                        .filter(c -> !turnedOff.contains(c.metadata().id())).toList();
                if (covering.isEmpty()) {
                    continue;
                }
                if (row.path("skipped").asBoolean(false)) {
                    skipped.merge(peer, 1, Integer::sum);
                    continue;
                }
                String file = row.path("file").asText();
                KubernetesVersion version = version(config);
                List<Finding> findings = cache.computeIfAbsent(peer + "/" + file + "@" + version,
                        k -> run(dir.resolve(file), file, version));
                Set<String> ids = covering.stream().map(c -> c.metadata().id())
                        .collect(java.util.stream.Collectors.toSet());
                List<String> targets = targets(row);
                // A file-level row without candidates asserts that something in the file is reported.
                // a finding answers the checks whose findings on the same item it replaced (alsoViolates)
                boolean weFail = targets.isEmpty() ? findings.stream().anyMatch(f -> answers(f, ids))
                        : targets.stream().anyMatch(target -> findings.stream()
                                .anyMatch(f -> answers(f, ids) && matches(f, target, row)));
                boolean peerFails = "fail".equals(row.path("expect").asText());
                String key = peer + "\t" + file + "\t" + row.path("check").asText() + "\t"
                        + row.path("resource").asText("(file)");
                Tally t = perPeer.computeIfAbsent(peer, p -> new Tally());
                Tally tp = perProperty.computeIfAbsent(peer + " " + property, p -> new Tally());
                boolean agree = weFail == peerFails;
                boolean explained = !agree && intended.containsKey(key);
                if (explained) {
                    stale.remove(key);
                }
                t.add(agree, explained);
                tp.add(agree, explained);
                if (!agree && !explained) {
                    unexplained.add(key + "\tpeer " + (peerFails ? "fails" : "passes") + ", we "
                            + (weFail ? "fail" : "pass") + " (" + String.join(",", ids) + ")");
                }
            }
        }
        StringBuilder table = new StringBuilder("\nManifest conformance (security properties we cover)\n");
        table.append(String.format("%-45s %6s %6s %7s %9s %7s%n", "peer / property", "rows", "agree", "raw",
                "reviewed", "after"));
        perPeer.forEach((peer, t) -> table.append(t.line(peer)));
        table.append('\n');
        perProperty.forEach((p, t) -> table.append(t.line(p)));
        table.append("\nRows the peer graded skipped (no verdict, left out): ").append(skipped).append('\n');
        if (!unexplained.isEmpty()) {
            table.append("\nUnexplained differences:\n");
            unexplained.forEach(u -> table.append("  ").append(u).append('\n'));
        }
        System.out.println(table);
        assertThat(perPeer).as("no peer row is covered by our checks").isNotEmpty();
        perPeer.forEach((peer, t) -> assertThat(t.agreement()).as("agreement with %s%s", peer, table)
                .isGreaterThanOrEqualTo(REQUIRED));
        perPeer.forEach((peer, t) -> assertThat(t.raw()).as("raw agreement with %s%s", peer, table)
                .isGreaterThanOrEqualTo(RAW_FLOOR.get(peer)));
        assertThat(stale).as("listed differences that agree now or are not scored (remove them)").isEmpty();
    }

    private List<Check> covering(final String peer, final String peerCheck) {
        String key = PEER_KEYS.get(peer);
        String id = "kube-score".equals(peer) ? peerCheck.toLowerCase(Locale.ROOT).replace(' ', '-') : peerCheck;
        return checks.stream().filter(c -> c.metadata().equivalents().getOrDefault(key, List.of()).stream()
                .anyMatch(e -> e.equalsIgnoreCase(id))).toList();
    }

    private List<Finding> run(final Path file, final String name, final KubernetesVersion version) {
        try {
            List<K8sObject> objects = loader.parse(name, Files.readString(file, StandardCharsets.UTF_8), d -> { });
            CheckContext context = CheckContext.of(objects, new CheckSettings(version, Map.of()));
            List<Finding> all = new ArrayList<>();
            for (Check c : checks) {
                all.addAll(c.evaluate(context));
            }
            // as the gate reports them: one finding per item
            return FindingOverrides.apply(all, checks.stream().map(Check::metadata).toList()).findings();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean answers(final Finding finding, final Set<String> ids) {
        return FindingProperties.answeredChecks(finding).stream().anyMatch(ids::contains);
    }

    private static Set<String> turnedOff(final String config) {
        Set<String> out = new java.util.HashSet<>();
        PEER_OPTIONS.forEach((option, ids) -> {
            if (config.contains(option)) {
                out.addAll(ids);
            }
        });
        return out;
    }

    private static KubernetesVersion version(final String config) {
        Matcher m = K8S_VERSION.matcher(config);
        if (m.find()) {
            String v = m.group(1) != null ? m.group(1) : m.group(2) + "." + m.group(3);
            return KubernetesVersion.parse(v).orElse(KubernetesVersion.DEFAULT);
        }
        return KubernetesVersion.DEFAULT;
    }

    private static List<String> targets(final JsonNode row) {
        if (!row.path("resource").isNull() && row.path("resource").isTextual()) {
            return List.of(row.path("resource").asText());
        }
        List<String> out = new ArrayList<>();
        row.path("candidates").forEach(c -> out.add(c.asText()));
        return out;
    }

    private static boolean matches(final Finding f, final String target, final JsonNode row) {
        int slash = target.indexOf('/');
        String kind = target.substring(0, slash);
        String name = target.substring(slash + 1);
        if (!f.resource().kind().equals(kind) || !f.resource().name().equals(name)) {
            return false;
        }
        String ns = row.path("namespace").asText("");
        return ns.isEmpty() || ns.equals(f.resource().namespace());
    }

    private static boolean isNonSecurity(final String property) {
        for (String p : property.split("\\|", -1)) {
            if (!(p.startsWith("rel-") || p.startsWith("hyg-") || p.startsWith("other-"))) {
                return false;
            }
        }
        return true;
    }

    private Map<String, String> intendedDifferences() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = getClass().getResourceAsStream("/conformance/manifest-intended-differences.tsv")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                assertThat(parts).as("intended difference needs peer, file, check, resource, reason: %s", line)
                        .hasSize(5);
                assertThat(parts[4]).as("the reason links the Kubernetes rule or documentation that decides %s",
                        line).contains("https://");
                out.put(String.join("\t", parts[0], parts[1], parts[2], parts[3]), parts[4]);
            }
        }
        return out;
    }

    /** Counts for one line of the table. */
    private static final class Tally {
        private int rows;
        private int agree;
        private int intended;

        void add(final boolean agreed, final boolean explained) {
            rows++;
            if (agreed) {
                agree++;
            } else if (explained) {
                intended++;
            }
        }

        double agreement() {
            int counted = rows - intended;
            return counted == 0 ? 1.0 : (double) agree / counted;
        }

        double raw() {
            return rows == 0 ? 1.0 : (double) agree / rows;
        }

        String line(final String label) {
            return String.format("%-45s %6d %6d %6.1f%% %9d %6.1f%%%n", label, rows, agree, raw() * 100, intended,
                    agreement() * 100);
        }
    }

}
