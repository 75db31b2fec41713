package io.k8sgate.core.input.trivy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.k8sgate.core.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Reads every file of the Trivy corpus ({@code -Dk8s.corpus=PATH}, folder {@code trivy}) and compares the number of
 * vulnerabilities per severity with an independent count: a deliberately naive reading of the same file with
 * Jackson's tree model. Files that are not Trivy reports must give the clear error listed here, and suppression files
 * must be read by their own readers.
 */
class TrivyCorpusConformanceTest {
    /** Files that are not reports, with a fragment of the error they must give. */
    private static final Map<String, String> NOT_REPORTS = Map.of(
            "alpine-310.sarif.golden", "SARIF log",
            "conda-spdx.json.golden", "SPDX document",
            "julia-spdx.json.golden", "SPDX document",
            "k8s/summary-ids.json.golden", "misconfigurations[0] is a string (\"KSV001\") where Trivy writes an object",
            "vex/openvex.json", "OpenVEX document",
            "vex/openvex-nested.json", "OpenVEX document",
            "vex/integration-openvex.json", "OpenVEX document",
            "vex/csaf.json", "CSAF document");

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final Map<String, String> TABLE = new java.util.concurrent.ConcurrentSkipListMap<>();

    private static Optional<Path> corpus() {
        String root = System.getProperty("k8s.corpus", "");
        if (root.isBlank()) {
            return Optional.empty();
        }
        Path dir = Paths.get(root).resolve("trivy");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static Path requireCorpus() {
        Optional<Path> dir = corpus();
        Assumptions.assumeTrue(dir.isPresent(), "Trivy corpus not configured: run with -Dk8s.corpus=PATH (a folder "
                + "holding trivy/); the conformance suite is SKIPPED");
        return dir.orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> shouldCountVulnerabilitiesPerSeverityLikeAnIndependentReading() throws IOException {
        Path dir = requireCorpus();
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).filter(TrivyCorpusConformanceTest::isReportCandidate).sorted()
                    .toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> check(dir, f)));
    }

    private static boolean isReportCandidate(final Path p) {
        String name = p.getFileName().toString();
        return !name.equals("LICENSE") && !name.endsWith(".md") && !name.startsWith(".trivyignore");
    }

    private static void check(final Path dir, final Path file) throws IOException {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        String error = NOT_REPORTS.get(rel);
        if (error != null) {
            assertThatThrownBy(() -> new TrivyReportReader().read(file, rel)).isInstanceOf(InputException.class)
                    .hasMessageContaining(rel).hasMessageContaining(error);
            TABLE.put(rel, "| " + rel + " | not a report | " + error + " |");
            return;
        }
        TrivyDocument doc = new TrivyReportReader().read(file, rel);
        Map<TrivySeverity, Long> actual = new EnumMap<>(TrivySeverity.class);
        doc.reports().forEach(r -> r.vulnerabilities().forEach(v -> actual.merge(v.severity(), 1L, Long::sum)));
        assertThat(new TreeMap<>(actual)).as("vulnerabilities per severity in %s (%s)", rel, doc.format())
                .isEqualTo(new TreeMap<>(independentCount(TREE.readTree(file.toFile()))));
        TABLE.put(rel, "| " + rel + " | " + doc.format().label() + " | " + new TreeMap<>(actual) + " |");
    }

    /** Leaves the table of what was read next to the surefire reports, for people. */
    @org.junit.jupiter.api.AfterAll
    static void writeTable() throws IOException {
        if (!TABLE.isEmpty()) {
            Path out = Paths.get("target", "trivy-conformance.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, "| file | format | vulnerabilities per severity |\n|---|---|---|\n"
                    + String.join("\n", TABLE.values()) + "\n");
        }
    }

    /** The naive count: every vulnerability object wherever a report shape puts one. */
    static Map<TrivySeverity, Long> independentCount(final JsonNode root) {
        Map<TrivySeverity, Long> count = new EnumMap<>(TrivySeverity.class);
        List<JsonNode> results = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(results::add);
        } else if (root.has("bomFormat")) {
            for (JsonNode v : root.path("vulnerabilities")) {
                for (int i = 0; i < v.path("affects").size(); i++) {
                    count.merge(cycloneDxSeverity(v), 1L, Long::sum);
                }
            }
            return count;
        } else {
            root.path("Results").forEach(results::add);
            for (String list : List.of("Resources", "Findings", "Vulnerabilities", "Misconfigurations")) {
                root.path(list).forEach(resource -> resource.path("Results").forEach(results::add));
            }
        }
        for (JsonNode result : results) {
            for (JsonNode v : result.path("Vulnerabilities")) {
                count.merge(severity(v.path("Severity").asText("")), 1L, Long::sum);
            }
        }
        return count;
    }

    private static TrivySeverity cycloneDxSeverity(final JsonNode v) {
        String source = v.path("source").path("name").asText("");
        TrivySeverity own = null;
        TrivySeverity nvd = null;
        TrivySeverity max = TrivySeverity.UNKNOWN;
        for (JsonNode r : v.path("ratings")) {
            TrivySeverity s = severity(r.path("severity").asText(""));
            String from = r.path("source").path("name").asText("");
            if (from.equals(source)) {
                own = own == null || s.ordinal() > own.ordinal() ? s : own;
            }
            if (from.equals("nvd")) {
                nvd = nvd == null || s.ordinal() > nvd.ordinal() ? s : nvd;
            }
            max = s.ordinal() > max.ordinal() ? s : max;
        }
        return own != null ? own : nvd != null ? nvd : max;
    }

    private static TrivySeverity severity(final String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "LOW" -> TrivySeverity.LOW;
            case "MEDIUM" -> TrivySeverity.MEDIUM;
            case "HIGH" -> TrivySeverity.HIGH;
            case "CRITICAL" -> TrivySeverity.CRITICAL;
            default -> TrivySeverity.UNKNOWN;
        };
    }

    @Test
    void shouldReadTheCorpusIgnoreFilesWithTrivysSemantics() throws IOException {
        Path dir = requireCorpus().resolve("ignore");
        List<io.k8sgate.core.model.Diagnostic> problems = new ArrayList<>();
        List<IgnoreRule> plain = new IgnoreFileReader().parse(".trivyignore",
                Files.readString(dir.resolve(".trivyignore")), problems::add);
        assertThat(plain).extracting(IgnoreRule::id).containsExactly("CVE-2019-0001", "CVE-2019-0002",
                "CVE-2019-0004", "CVE-2019-0005", "CVE-2019-0006", "ID300", "AVD-ID400", "generic-unwanted-rule",
                "GPL-3.0");
        assertThat(plain.get(2).isActive(java.time.LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(plain.get(3).isActive(java.time.LocalDate.of(2026, 1, 1))).isTrue();
        List<IgnoreRule> yaml = new IgnoreFileReader().parse(".trivyignore.yaml",
                Files.readString(dir.resolve(".trivyignore.yaml")), problems::add);
        Map<String, Long> bySection = new TreeMap<>();
        yaml.forEach(r -> bySection.merge(r.kind().name().toLowerCase(Locale.ROOT), 1L, Long::sum));
        assertThat(bySection).isEqualTo(entriesPerSection(Files.readAllLines(dir.resolve(".trivyignore.yaml"))));
        assertThat(problems).isEmpty();
    }

    /** The naive count: {@code - id:} lines under each top-level key, keyed like {@link IgnoreRule.Kind}. */
    private static Map<String, Long> entriesPerSection(final List<String> lines) {
        Map<String, Long> count = new TreeMap<>();
        String section = "";
        for (String line : lines) {
            if (line.matches("[a-z]+:.*")) {
                section = line.substring(0, line.indexOf(':'));
            } else if (line.trim().startsWith("- id:")) {
                String kind = section.endsWith("ies") ? section.replaceAll("ies$", "y") : section.replaceAll("s$", "");
                count.merge(kind, 1L, Long::sum);
            }
        }
        return count;
    }

    @Test
    void shouldReadTheCorpusOpenVexDocumentsWithTheVexReader() throws IOException {
        Path dir = requireCorpus().resolve("vex");
        for (String name : List.of("openvex.json", "openvex-nested.json", "integration-openvex.json")) {
            List<io.k8sgate.core.model.Diagnostic> problems = new ArrayList<>();
            List<VexStatement> statements = new OpenVexReader().parse(name, Files.readString(dir.resolve(name)),
                    problems::add);
            assertThat(problems).as(name).isEmpty();
            assertThat(statements).as(name).hasSize(TREE.readTree(dir.resolve(name).toFile()).path("statements")
                    .size());
        }
    }

    @Test
    void shouldSkipVisiblyWithoutTheCorpus() {
        Assumptions.assumeTrue(corpus().isEmpty(), "the corpus is configured: the suite above runs instead");
        assertThat(System.getProperty("k8s.corpus", "")).satisfiesAnyOf(s -> assertThat(s).isBlank(),
                s -> assertThat(Paths.get(s).resolve("trivy")).doesNotExist());
    }
}
